#!/usr/bin/env bash
# The pipeline against what its parts can do, in one run on one stack, each measure beside its reference:
#
#   - warm-up until steady: 10 s windows of one-report-per-request ingestion, national-view reads and indicator reads
#     until two windows in a row are within 10 % and the JIT compilers took under PERF_JIT_SETTLED % (5) of the
#     stack's CPU in the second (at most PERF_WARM_WINDOWS), so the JIT has settled before anything is timed;
#   - one report per request: ingestion through the gateway, CPU per accepted report by component; a read through the
#     gateway and straight to indicator-service;
#   - bulk: PERF_BULK_ROUNDS submissions of PERF_BULK_ROWS rows (perf/java/BulkSubmission.java), rows/s to the 202 and
#     the time from the 202 until all of it is in the national view; one bad row among as many: 422, nothing recorded;
#     beside Kafka's ProducerPerformance with transactions on (same broker, records of our events' size);
#   - live projection: the national-view projector folding a backlog (reporting-service paused while bulk submissions
#     fill the log), beside ConsumerPerformance reading the same topic, PERF_PROJECTION_ROUNDS times, medians compared;
#   - freshness: from 202 to visible in GET /api/v1/national-view (perf/java/Freshness.java) while wrk reports at the
#     highest rate it can;
#   - cost curves: the national view live and as of mid-history, and its rebuild, with 10k, 100k and 1M facts of
#     history (added through the log by perf/java/history/SeedHistory.java: copies of the run's reports, each a new
#     event).
#
# Writes the "pipeline" section of docs/benchmarks.md. Settings (environment): PERF_PORT_OFFSET (300), PERF_DURATION
# (10), PERF_CONNECTIONS (16), PERF_WARM_WINDOWS (30: the JIT settled after 22 on a busy host), PERF_JIT_SETTLED (5),
# PERF_BULK_ROWS (10000), PERF_BULK_ROUNDS (5), PERF_PROJECTION_ROUNDS (3), PERF_SIZES ("10000 100000 1000000"),
# PERF_DOC (docs/benchmarks.md; empty: no document).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/lib.sh
source perf/lib.sh

# The middle of its arguments, numbers (the upper middle of an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

load_settings 10 30
BULK_ROWS=${PERF_BULK_ROWS:-10000}
BULK_ROUNDS=${PERF_BULK_ROUNDS:-5}
PROJECTION_ROUNDS=${PERF_PROJECTION_ROUNDS:-3}
read -r -a SIZES <<<"${PERF_SIZES:-10000 100000 1000000}"
RECORD_SIZE=650
DOC=${PERF_DOC-docs/benchmarks.md}
SECTION=pipeline
CURRENT_DATA=$TARGET/$SECTION-data
RESULTS=$TARGET/$SECTION-results
SHIPPED=catalogue/src/main/resources/plans/ip-2021-2025.yaml

prepare_stack_benchmark
ensure_kafka_tools
compile_helpers
mkdir -p "$TARGET/history-classes"
javac -nowarn -cp "$STACK_ROOT/launcher/target/lib/*" -d "$TARGET/history-classes" "$PERF_DIR/java/history/SeedHistory.java"
rm -rf "$RESULTS" "$CURRENT_DATA"
mkdir -p "$RESULTS"
RUN_DATE=$(date -u +%FT%TZ)
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo "+uncommitted changes")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

start_stack "$CURRENT_DATA" "$RESULTS/launcher.out"
await_healthy 600 "$RESULTS/launcher.out"
log "stack up after $UP_S s"
# Fresh tokens for each part: on a busy machine the run outlasts an access token.
fresh_tokens() {
  REPORTER=$(token cnipa-reporter)
  LEAD=$(token cnipa-lead)
  OPERATOR=$(token planwatch-operator)
}
fresh_tokens
OBSERVE=$GATEWAY/api/v1/indicators/IND-01/observations

# --- warm-up until steady ---------------------------------------------------------------------------------------------
warm_until_steady "$WARM_WINDOWS" warm_window_load
log "warm-up: steady $STEADY"

# --- one report per request; gateway vs direct ------------------------------------------------------------------------
single_request_measures

# --- bulk submission beside ProducerPerformance with transactions -------------------------------------------------------
fresh_tokens
producer_ceilings pp
log "ProducerPerformance: $PP_RPS records/s; with transactions (one per 100 ms): $PP_TX_RPS records/s"
publish_bulk_plan
as_pg_superuser java -cp "$TARGET/classes:$(pg_jar)" BulkSubmission "$GATEWAY" "$REPORTER" "$JDBC" "$BULK_PLAN" \
  "$BULK_ROWS" 3 "$BULK_ROUNDS" >"$RESULTS/bulk.txt" 2>&1 || { cat "$RESULTS/bulk.txt" >&2; exit 1; }
cat "$RESULTS/bulk.txt" >&2

# --- live projection: a backlog folded, beside ConsumerPerformance ----------------------------------------------------
# One backlog folds in about two seconds, which one busy moment of the shared machine can halve: PROJECTION_ROUNDS
# backlogs, each followed by ConsumerPerformance on the topic as it then stands, and the medians of each compared.
# Progress is read from the view's own count of events folded (one row): counting a table of a million facts every
# 20 ms would take the database from the projector being measured.
FOLDED="select events_applied from reporting.view_freshness where id = 1"
RS_PID=$(service_pid reporting-service)
DRAIN_RATES=()
CP_FETCH_RATES=()
for r in $(seq 1 "$PROJECTION_ROUNDS"); do
  fresh_tokens
  settled_count reporting.indicator_fact >/dev/null
  REPORTS_BEFORE=$(settled_count indicator.observation)
  FOLDED_BEFORE=$(db count "$FOLDED")
  kill -STOP "$RS_PID"
  log "projection $r: reporting-service paused; $((BULK_ROWS * 5)) reports submitted in bulk"
  as_pg_superuser java -cp "$TARGET/classes:$(pg_jar)" BulkSubmission "$GATEWAY" "$REPORTER" "$JDBC" "$BULK_PLAN" \
    "$BULK_ROWS" 0 5 --no-wait >"$RESULTS/backlog.$r.txt" 2>&1 ||
    { cat "$RESULTS/backlog.$r.txt" >&2; kill -CONT "$RS_PID"; exit 1; }
  BACKLOG_TARGET=$(settled_count indicator.observation)
  BACKLOG=$((BACKLOG_TARGET - REPORTS_BEFORE))
  # programme-service folds the same submissions: let it finish first, so that the projector measured has the machine
  # to itself, as ConsumerPerformance has.
  settled_count programme.reported_indicator >/dev/null
  settled_count programme.progress_report >/dev/null
  db drain "$RS_PID" "$FOLDED" "$((FOLDED_BEFORE + BACKLOG))" 600 >"$RESULTS/drain.$r.txt"
  DRAIN_RATES+=("$(field "$RESULTS/drain.$r.txt" rate_after_first)")
  java -Xmx512m -cp "$(java_cp)" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$KAFKA" \
    --topic planwatch.indicator-events --messages "$BACKLOG_TARGET" --group "perf-cp-$(date +%s)" \
    >"$RESULTS/consumer-performance.$r.txt" 2>&1
  CP_LINE=$(grep -A1 '^start.time' "$RESULTS/consumer-performance.$r.txt" | tail -1)
  CP_FETCH_RATES+=("$(echo "$CP_LINE" | awk -F', ' '{ printf "%.1f", $10 }')")
  log "projection $r: $(cat "$RESULTS/drain.$r.txt"); ConsumerPerformance ${CP_FETCH_RATES[-1]} records/s fetching" \
    "$BACKLOG_TARGET records"
done
DRAIN_RATE=$(median "${DRAIN_RATES[@]}")
CP_FETCH_RATE=$(median "${CP_FETCH_RATES[@]}")

# --- freshness at the highest rate wrk reaches ------------------------------------------------------------------------
fresh_tokens
run_wrk freshness-load observe.lua "$OBSERVE" "$REPORTER" 35 &
LOAD_JOB=$!
sleep 1
helper Freshness "$GATEWAY" "$REPORTER" "$LEAD" 25 20 2023 IND-02=5 IND-03=2500 IND-04=3300 \
  >"$RESULTS/freshness.txt" 2>&1 || true
wait "$LOAD_JOB"
log "freshness: $(grep PERF_RESULT "$RESULTS/freshness.txt" || cat "$RESULTS/freshness.txt")"

# --- cost curves ---------------------------------------------------------------------------------------------------
fresh_tokens
# On a plan of their own (the shipped plan under another id), so that its history is what the curve varies: CNIPA's
# first four indicators, five years each, reported once before the as-of instant and once after; then copies of those
# reports (each a new event, a later revision of the same indicator and period) until the plan has SIZE facts.
HISTORY_PLAN=perf-history-2021-2025
HISTORY_VIEW=$GATEWAY/api/v1/plans/$HISTORY_PLAN/national-view
helper BulkSubmission plan "$GATEWAY" "$LEAD" "$SHIPPED" "$HISTORY_PLAN" 0
report_history() { # FACTOR: one submission of the four indicators × five years
  local rows=() code base year
  for code in IND-01:8 IND-02:5 IND-03:2500 IND-04:3300; do
    base=${code#*:}
    for year in 2021 2022 2023 2024 2025; do
      rows+=("{\"indicator\":\"${code%%:*}\",\"period\":\"$year\",\"value\":$(calc '%.2f' "$base * $1 + ($year - 2021) * $base / 50")}")
    done
  done
  for _ in $(seq 1 60); do
    [[ $(curl -s -m 30 -o "$RESULTS/history-submission.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $REPORTER" \
      -H 'Content-Type: application/json' -d "{\"observations\":[$(IFS=,; echo "${rows[*]}")]}" \
      "$GATEWAY/api/v1/plans/$HISTORY_PLAN/submissions") == 202 ]] && return 0
    sleep 1 # a plan just published reaches programme-service through the log
  done
  log "history submission refused: $(cat "$RESULTS/history-submission.json")"; exit 1
}
report_history 1.0
sleep 2
MID_INSTANT=$(date -u +%FT%TZ)
sleep 2
report_history 1.1
rebuild() { # NAME: POST the national view's rebuild and wait for its end; prints seconds, state and events replayed
  local t0 started; t0=$(date +%s%N)
  curl -s -m 30 -X POST -H "Authorization: Bearer $OPERATOR" "$GATEWAY/api/v1/ops/projections/national-view/rebuild" \
    >"$RESULTS/$1-start.json"
  started=$(jq -r .startedAt "$RESULTS/$1-start.json")
  for i in $(seq 1 7200); do
    (( i % 120 == 0 )) && fresh_tokens
    curl -s -m 10 -H "Authorization: Bearer $OPERATOR" "$GATEWAY/api/v1/ops/projections/national-view" \
      >"$RESULTS/$1.json" || true
    [[ $(jq -r .startedAt "$RESULTS/$1.json" 2>/dev/null) == "$started" && $(jq -r .state "$RESULTS/$1.json") != RUNNING ]] \
      && break
    sleep 0.5
  done
  echo "$(elapsed_s "$t0") $(jq -r .state "$RESULTS/$1.json") $(jq -r .replayed "$RESULTS/$1.json")"
}
VIEWED_FACTS="reporting.indicator_fact where plan = '$HISTORY_PLAN'"
for size in "${SIZES[@]}"; do
  fresh_tokens
  facts=$(settled_count "$VIEWED_FACTS")
  if (( facts < size )); then
    log "history: $facts facts of the viewed plan; appending $((size - facts)) copies of its reports to the log"
    java -cp "$TARGET/history-classes:$STACK_ROOT/launcher/target/lib/*" SeedHistory "$KAFKA" planwatch.indicator-events \
      "$((size - facts))" "$HISTORY_PLAN" >"$RESULTS/history-$size.txt" 2>&1
    for _ in $(seq 1 3600); do (( $(db count "$VIEWED_FACTS") >= size )) && break; sleep 1; done
    facts=$(settled_count "$VIEWED_FACTS")
    # The other projectors of the topic may fold the history slower than the national view's: reads measured while
    # they still worked would measure their backlog, not the view.
    settled_count indicator.observation >/dev/null
    settled_count programme.reported_indicator >/dev/null
  fi
  echo "$facts" >"$RESULTS/facts-$size"
  log "history: $facts facts of the viewed plan, $(db count reporting.indicator_fact) in all"
  for r in 1 2; do
    run_wrk "live-$size.$r" get.lua "$HISTORY_VIEW" "$LEAD"
    run_wrk "as-of-$size.$r" get.lua "$HISTORY_VIEW?asOf=$MID_INSTANT" "$LEAD"
  done
  rebuild "rebuild-$size" >"$RESULTS/rebuild-$size.txt"
  log "rebuild at $size: $(cat "$RESULTS/rebuild-$size.txt")"
done

# --- the report -----------------------------------------------------------------------------------------------------
rps() { field "$RESULTS/$1.txt" rps; }
pooled() { echo "$(field "$RESULTS/$1.1.txt" requests) $(field "$RESULTS/$1.1.txt" seconds) $(field "$RESULTS/$1.2.txt" requests) $(field "$RESULTS/$1.2.txt" seconds)" | awk '{ printf "%.1f", ($1 + $3) / ($2 + $4) }'; }
bulk_all() { grep '^PERF_RESULT round=' "$RESULTS/bulk.txt" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }' | paste -sd' '; }
# shellcheck disable=SC2046 # the values are numbers, one word each
bulk_median() { median $(bulk_all "$1"); }
report() {
  local first=${SIZES[0]} last=${SIZES[-1]} ingest_cpu
  ingest_cpu=$(sed -E 's/.*total=([0-9.]+).*/\1/' "$RESULTS/ingest.cpums")
  echo "<!-- $SECTION:begin -->"
  echo "## The pipeline against its parts"
  echo
  echo "\`perf/pipeline.sh\` at \`$COMMIT\`, $RUN_DATE, $(nproc) cores ($(uname -m)) shared with other work; load average"
  echo "$LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end. One stack (one instance of each service),"
  echo "warm-up in 10 s windows until two in a row were within 10 % and the JIT compilers took under $JIT_SETTLED % of the"
  echo "stack's CPU in the second ($STEADY); wrk $DURATION s per measure, $CONNS connections."
  echo
  echo "| measure | PlanWatch | reference, same run | ratio | target |"
  echo "|---|---|---|---|---|"
  echo "| bulk: $BULK_ROWS rows per submission, median of $BULK_ROUNDS (each: $(bulk_all rows_per_s)) | $(bulk_median rows_per_s) rows/s to the 202 | ProducerPerformance, acks=all, idempotent, transactions of 100 ms: $PP_TX_RPS records/s (without transactions $PP_RPS) | $(calc '%.2f' "$(bulk_median rows_per_s) / $PP_TX_RPS") | ≥ 0.25 |"
  echo "| bulk: from the 202 to all rows in the national view, ms (each: $(bulk_all visible_after_202_ms); its first rows folded after $(bulk_all first_folded_after_202_ms)) | median $(bulk_median visible_after_202_ms) ms | | | ≤ 2000 ms |"
  echo "| bulk: one bad row among $BULK_ROWS | $(field "$RESULTS/bulk.txt" bad_row_status) at \`$(field "$RESULTS/bulk.txt" bad_row_field)\`; read models unchanged: $(field "$RESULTS/bulk.txt" read_models_unchanged) | | | 422, nothing |"
  echo "| live projection: national view folding a backlog of $(field "$RESULTS/drain.1.txt" backlog) events, median of $PROJECTION_ROUNDS (each: ${DRAIN_RATES[*]}) | $DRAIN_RATE events/s | ConsumerPerformance on the same topic after each backlog, up to $BACKLOG_TARGET records, median (each: ${CP_FETCH_RATES[*]}): $CP_FETCH_RATE records/s | $(calc '%.2f' "$DRAIN_RATE / $CP_FETCH_RATE") | ≥ 0.25 |"
  echo "| freshness under load ($(rps freshness-load) reports/s by wrk) | $(field "$RESULTS/freshness.txt" p50_ms) ms p50, $(field "$RESULTS/freshness.txt" p99_ms) ms p99 ($(field "$RESULTS/freshness.txt" samples) samples) | | | p99 ≤ 1000 ms |"
  echo "| one report per request: CPU per accepted report, whole stack | $ingest_cpu ms at $(rps ingest) reports/s | | | ≤ 3 ms |"
  echo "| read through the gateway vs direct | $(rps read-gateway) req/s | direct $(rps read-direct) req/s | $(calc '%.2f' "$(rps read-gateway) / $(rps read-direct)") | ≥ 0.7 |"
  for size in "${SIZES[@]}"; do
    echo "| national view of \`$HISTORY_PLAN\` at $(cat "$RESULTS/facts-$size") facts: live / as of $MID_INSTANT, req/s | $(pooled "live-$size") / $(pooled "as-of-$size") | at $first: $(pooled "live-$first") / $(pooled "as-of-$first") | $(calc '%.2f' "$(pooled "live-$size") / $(pooled "live-$first")") / $(calc '%.2f' "$(pooled "as-of-$size") / $(pooled "as-of-$first")") | as-of at $last ≥ 0.5 of at $first |"
  done
  for size in "${SIZES[@]}"; do
    read -r secs state replayed <"$RESULTS/rebuild-$size.txt"
    echo "| rebuild of the national view at $(cat "$RESULTS/facts-$size") facts | $state, $replayed events in $secs s ($(calc '%.0f' "$replayed / $secs") events/s) | | | |"
  done
  echo
  echo "CPU per request by component (ms): ingestion $(cat "$RESULTS/ingest.cpums"); read through the gateway"
  echo "$(cat "$RESULTS/read-gateway.cpums"); direct $(cat "$RESULTS/read-direct.cpums"); national view as of, at $last facts,"
  echo "$(cat "$RESULTS/as-of-$last.1.cpums")."
  echo "<!-- $SECTION:end -->"
}
report | tee "$RESULTS/report.md"
write_doc_section "$SECTION" "$RESULTS/report.md" "$DOC"
