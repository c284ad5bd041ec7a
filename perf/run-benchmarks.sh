#!/usr/bin/env bash
# PlanWatch benchmarks: one command, one machine, one run. Starts the whole stack as ./run.sh would (its own data dir,
# ports moved by PERF_PORT_OFFSET, 300 by default), drives it with wrk and Kafka's own performance tools, prints a
# table and writes docs/benchmarks.md; stops the stack at the end whatever happens.
#
# Figures are reported as RATIOS of runs made side by side in the same run (alternating, PERF_ROUNDS rounds), because
# the machines this runs on are small (2 cores) and shared.
#
# Settings (environment): PERF_PORT_OFFSET (300), PERF_DURATION (10 s per wrk run), PERF_ROUNDS (2),
# PERF_CONNECTIONS (16), PERF_FRESHNESS_SECONDS (25), PERF_PRODUCER_RECORDS (50000), PERF_RESTART (1: stop and start
# again to time a second start), PERF_HISTORY_EVENTS (30000: reports of history added before the rebuild is timed),
# PERF_WARM_WINDOWS (8: at most so many 10 s windows of warm-up), PERF_DOC (docs/benchmarks.md). PLANWATCH_JVM_OPTS,
# if set, reaches the services.
# `perf/run-benchmarks.sh --report-only` writes the table and the doc again from the last run's raw results.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/lib.sh
source perf/lib.sh

DURATION=${PERF_DURATION:-10}
ROUNDS=${PERF_ROUNDS:-2}
WARM_WINDOWS=${PERF_WARM_WINDOWS:-8}
CONNS=${PERF_CONNECTIONS:-16}
THREADS=2
FRESHNESS_S=${PERF_FRESHNESS_SECONDS:-25}
PRODUCER_RECORDS=${PERF_PRODUCER_RECORDS:-50000}
RECORD_SIZE=650
RESTART=${PERF_RESTART:-1}
HISTORY_EVENTS=${PERF_HISTORY_EVENTS:-30000}
DOC=${PERF_DOC:-docs/benchmarks.md}
COMMAND="perf/run-benchmarks.sh"
for v in PERF_PORT_OFFSET PERF_DURATION PERF_ROUNDS PERF_CONNECTIONS PERF_FRESHNESS_SECONDS PERF_PRODUCER_RECORDS \
         PERF_RESTART PERF_HISTORY_EVENTS PERF_WARM_WINDOWS; do
  if [[ -n ${!v:-} ]]; then COMMAND="$v=${!v} $COMMAND"; fi
done

CURRENT_DATA=$TARGET/data
LAUNCHER_OUT=$TARGET/launcher-first-start.out
BACKGROUND=()
cleanup() {
  local p
  for p in "${BACKGROUND[@]}"; do kill "$p" 2>/dev/null || true; done
  stop_stack
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Over the rounds of one measure NAME.1 … NAME.R: pooled rate, mean of a field, mean CPU per request, mean busy.
pooled_rps() { for r in $(seq 1 "$ROUNDS"); do echo "$(field "$RESULTS/$1.$r.txt" requests) $(field "$RESULTS/$1.$r.txt" seconds)"; done \
  | awk '{ n += $1; s += $2 } END { printf "%.1f", n / s }'; }
mean_field() { for r in $(seq 1 "$ROUNDS"); do field "$RESULTS/$1.$r.txt" "$2"; done | awk '{ t += $1 } END { printf "%.1f", t / NR }'; }
mean_cpu() { cat "$RESULTS/$1".*.cpums | tr ' ' '\n' | awk -F= -v r="$ROUNDS" 'NF == 2 { t[$1] += $2; if (!($1 in o)) { o[$1] = ++k; n[k] = $1 } }
  END { for (i = 1; i <= k; i++) printf "%s%s %.2f", (i > 1 ? ", " : ""), n[i], t[n[i]] / r; print "" }'; }
mean_busy() { cat "$RESULTS/$1".*.busy | tr -d '%·a-z' | awk '{ b += $1; s += $2; o += $3 }
  END { printf "%.0f %% · stack %.0f %% · others %.0f %%", b / NR, s / NR, o / NR }'; }
per_round_ratios() { for r in $(seq 1 "$ROUNDS"); do calc '%.2f\n' "$(field "$RESULTS/$1.$r.txt" rps) / $(field "$RESULTS/$2.$r.txt" rps)"; done | paste -sd' '; }

# --report-only writes the table and docs/benchmarks.md again from the raw results of the last run (perf/target/results),
# e.g. after a change to this report; everything else measures.
if [[ ${1:-} == --report-only ]]; then
  [[ -f $RESULTS/run.env ]] || { echo "no run to report on in $RESULTS" >&2; exit 1; }
  # shellcheck disable=SC1091
  source "$RESULTS/run.env"
else

RUN_BEGIN=$(date +%s)
RUN_DATE=$(date -u +%FT%TZ)

# --- preparation ----------------------------------------------------------------------------------------------------

ensure_debian_package wrk wrk
ensure_debian_package jq jq
ensure_built
ensure_kafka_tools
snapshot_stack
compile_helpers
rm -rf "$CURRENT_DATA" "$RESULTS" "$TARGET"/launcher-*.out
mkdir -p "$RESULTS"

# Machine load while we run: the 1-minute load average every 5 s, and the machine's CPU ticks at both ends.
( while true; do cut -d' ' -f1 /proc/loadavg >>"$RESULTS/loadavg"; sleep 5; done ) &
BACKGROUND+=($!)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 6b: start-up on a fresh data directory -------------------------------------------------------------------------

log "starting the stack on a fresh data directory"
start_stack "$CURRENT_DATA" "$LAUNCHER_OUT"
await_healthy 300 "$LAUNCHER_OUT"
FIRST_HEALTHY_S=$HEALTHY_S FIRST_UP_S=$UP_S
log "gateway healthy after $FIRST_HEALTHY_S s, stack up (warm-up done) after $FIRST_UP_S s"

REPORTER=$(token cnipa-reporter)
LEAD=$(token cnipa-lead)
[[ $REPORTER != null && $LEAD != null ]] || { log "no tokens from $ISSUER"; exit 1; }

OBSERVE=$GATEWAY/api/v1/indicators/IND-01/observations

# consumer_performance NAME MESSAGES: Kafka's ConsumerPerformance reading MESSAGES records of the indicator topic from
# its start, in a group of its own; sets CPERF_MSGS, CPERF_RATE (records/s with the group join) and CPERF_FETCH_RATE.
consumer_performance() {
  java -Xmx512m -cp "$(java_cp)" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$KAFKA" \
    --topic planwatch.indicator-events --messages "$2" --group "perf-$1-$(date +%s)" >"$RESULTS/$1.txt" 2>&1
  local line; line=$(grep -A1 '^start.time' "$RESULTS/$1.txt" | tail -1)
  CPERF_MSGS=$(echo "$line" | awk -F', ' '{ print $5 }')
  CPERF_RATE=$(echo "$line" | awk -F', ' '{ printf "%.1f", $6 }')
  CPERF_FETCH_RATE=$(echo "$line" | awk -F', ' '{ printf "%.1f", $10 }')
}

# --- warm-up, not measured: every path in windows, until the ingestion rate of two in a row is within 10 % ----------

warm_window() {
  run_wrk "warm.$1" observe.lua "$OBSERVE" "$REPORTER" 10
  local w script url tok
  for w in "get.lua $GATEWAY/api/v1/me $REPORTER" "get.lua $GATEWAY/api/v1/indicators/IND-01 $REPORTER" \
           "get.lua $INDICATOR/api/v1/indicators/IND-01 $REPORTER" "get.lua $GATEWAY/api/v1/national-view $LEAD"; do
    read -r script url tok <<<"$w"
    TOKEN=$tok PERF_WRK_DIR=$PERF_DIR/wrk wrk -t"$THREADS" -c"$CONNS" -d3s -s "$PERF_DIR/wrk/$script" "$url" \
      >/dev/null 2>&1 || true
  done
  field "$RESULTS/warm.$1.txt" rps
}
warm_until_steady "$WARM_WINDOWS" warm_window
WARM_STEADY=$STEADY
log "warm-up: steady $WARM_STEADY"

# --- 1 and 2: ingestion vs the HTTP ceiling, gateway vs direct; alternating rounds ---------------------------------

for r in $(seq 1 "$ROUNDS"); do
  run_wrk "ingest.$r" observe.lua "$OBSERVE" "$REPORTER"
  if [[ $r == 1 ]]; then MID_RUN_INSTANT=$(date -u +%FT%TZ); MID_RUN_FACTS=$(db count reporting.indicator_fact); fi
  run_wrk "ceiling.$r" get.lua "$GATEWAY/api/v1/me" "$REPORTER"
  run_wrk "read-gateway.$r" get.lua "$GATEWAY/api/v1/indicators/IND-01" "$REPORTER"
  run_wrk "read-direct.$r" get.lua "$INDICATOR/api/v1/indicators/IND-01" "$REPORTER"
done

# --- 1b: the broker's own ceiling: ProducerPerformance, acks=all, idempotent, on a topic of its own ----------------

log "Kafka ProducerPerformance: $PRODUCER_RECORDS records of $RECORD_SIZE B, acks=all, idempotence on"
java -cp "$(java_cp)" org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA" --create --if-not-exists \
  --topic perf.producer-performance --partitions 3 --replication-factor 1 >"$RESULTS/topic.txt" 2>&1
java -Xmx512m -cp "$(java_cp)" org.apache.kafka.tools.ProducerPerformance --topic perf.producer-performance \
  --num-records "$PRODUCER_RECORDS" --record-size "$RECORD_SIZE" --throughput -1 \
  --producer-props bootstrap.servers="$KAFKA" acks=all enable.idempotence=true >"$RESULTS/producer-performance.txt" 2>&1
PP_LINE=$(grep 'records sent' "$RESULTS/producer-performance.txt" | tail -1)
PP_RPS=$(echo "$PP_LINE" | sed -E 's/.*sent, ([0-9.]+) records\/sec.*/\1/')
PP_P50=$(echo "$PP_LINE" | sed -E 's/.* ([0-9]+) ms 50th.*/\1/')
PP_P99=$(echo "$PP_LINE" | sed -E 's/.* ([0-9]+) ms 99th.*/\1/')
log "ProducerPerformance: $PP_RPS records/s (p50 $PP_P50 ms, p99 $PP_P99 ms)"

# --- 3: projection rate: the national-view projector drains a backlog, vs ConsumerPerformance on the same topic -----

log "projection: pausing reporting-service (SIGSTOP) while a backlog of reports builds up"
RS_PID=$(service_pid reporting-service)
settled_count reporting.indicator_fact >/dev/null
PAUSED_AT=$(date +%s%N)
kill -STOP "$RS_PID"
run_wrk backlog observe.lua "$OBSERVE" "$REPORTER"
BACKLOG_TARGET=$(settled_count indicator.observation) # every event of the topic, as the other projector has it
PAUSE_S=$(elapsed_s "$PAUSED_AT")
db drain "$RS_PID" reporting.indicator_fact "$BACKLOG_TARGET" 300 >"$RESULTS/drain.txt"
FIRST_FOLD_S=$(field "$RESULTS/drain.txt" first_fold_after_s)
BACKLOG=$(field "$RESULTS/drain.txt" backlog)
DRAIN_RATE=$(field "$RESULTS/drain.txt" rate)
log "national-view projector: $(field "$RESULTS/drain.txt" folded) of $BACKLOG events in $(field "$RESULTS/drain.txt" seconds) s = $DRAIN_RATE events/s (paused $PAUSE_S s; first fold $FIRST_FOLD_S s after SIGCONT)"
# Every event of the topic (at least the backlog): a few hundred records would time the JVM's start, not the broker.
consumer_performance consumer-performance "$BACKLOG_TARGET"
CP_MSGS=$CPERF_MSGS CP_RATE=$CPERF_RATE CP_FETCH_RATE=$CPERF_FETCH_RATE
log "ConsumerPerformance: $CP_MSGS records, $CP_FETCH_RATE records/s fetching ($CP_RATE with the group join)"

# --- 4: freshness under load ----------------------------------------------------------------------------------------

log "freshness: tagged reports on IND-02, IND-03 and IND-04 while wrk reports IND-01 for $((FRESHNESS_S + 10)) s"
run_wrk freshness-load observe.lua "$OBSERVE" "$REPORTER" $((FRESHNESS_S + 10)) &
LOAD_JOB=$!
sleep 1
helper Freshness "$GATEWAY" "$REPORTER" "$LEAD" "$FRESHNESS_S" 20 2023 IND-02=5 IND-03=2500 IND-04=3300 \
  >"$RESULTS/freshness.txt" 2>&1 || true
wait "$LOAD_JOB"
log "freshness: $(grep PERF_RESULT "$RESULTS/freshness.txt" || cat "$RESULTS/freshness.txt")"

# --- 5: national view and as-of reads -------------------------------------------------------------------------------

run_wrk national-view get.lua "$GATEWAY/api/v1/national-view" "$LEAD"
run_wrk as-of-2026-01-01 get.lua "$GATEWAY/api/v1/national-view?asOf=2026-01-01T00:00:00Z" "$LEAD"
run_wrk as-of-mid-run get.lua "$GATEWAY/api/v1/national-view?asOf=$MID_RUN_INSTANT" "$LEAD"

# --- 3b: rebuild: the observations read model replayed from offset 0 into fresh tables, vs ConsumerPerformance ---

# A run's few thousand reports replay in about a second, which would time the rebuild's fixed costs rather than its
# rate: the topic first gets a history of PERF_HISTORY_EVENTS more reports (copies of this run's, each a new event,
# see perf/java/history/SeedHistory.java). The national-view projector is paused meanwhile, so that the rebuild
# shares the machine only with what a rebuild always shares it with; observations' own projector folds the history
# before the rebuild starts.
OPERATOR=$(token planwatch-operator)
RS_PID=$(service_pid reporting-service)
kill -STOP "$RS_PID"
log "rebuild: reporting-service paused; appending $HISTORY_EVENTS reports of history to planwatch.indicator-events"
mkdir -p "$TARGET/history-classes"
javac -nowarn -cp "$STACK_ROOT/launcher/target/lib/*" -d "$TARGET/history-classes" "$PERF_DIR/java/history/SeedHistory.java"
java -cp "$TARGET/history-classes:$STACK_ROOT/launcher/target/lib/*" SeedHistory "$KAFKA" planwatch.indicator-events \
  "$HISTORY_EVENTS" >"$RESULTS/history.txt" 2>&1
REBUILD_EVENTS=$(settled_count indicator.observation)
log "rebuild: POST /api/v1/ops/projections/observations/rebuild ($REBUILD_EVENTS events in the log)"
curl -s -m 30 -X POST -H "Authorization: Bearer $OPERATOR" \
  "$GATEWAY/api/v1/ops/projections/observations/rebuild" >"$RESULTS/rebuild-start.json"
for _ in $(seq 1 1200); do
  curl -s -m 10 -H "Authorization: Bearer $OPERATOR" "$GATEWAY/api/v1/ops/projections/observations" \
    >"$RESULTS/rebuild.json" || true
  [[ $(jq -r .state "$RESULTS/rebuild.json" 2>/dev/null) == RUNNING ]] || break
  sleep 0.5
done
REBUILD_STATE=$(jq -r .state "$RESULTS/rebuild.json")
REBUILD_APPLIED=$(jq -r .replayed "$RESULTS/rebuild.json")
# Whole seconds from the status' instants are too coarse for a rebuild of seconds: take them with their fractions.
REBUILD_S=$(jq -r '[.startedAt, .finishedAt] | map(capture("T(?<h>[0-9]+):(?<m>[0-9]+):(?<s>[0-9.]+)Z") | (.h|tonumber)*3600 + (.m|tonumber)*60 + (.s|tonumber)) | .[1] - .[0]' "$RESULTS/rebuild.json")
REBUILD_S=$(calc '%.2f' "$REBUILD_S")
REBUILD_RATE=$(calc '%.1f' "$REBUILD_APPLIED / $REBUILD_S")
log "rebuild: $REBUILD_STATE, $REBUILD_APPLIED events in $REBUILD_S s = $REBUILD_RATE events/s"
consumer_performance consumer-performance-rebuild "$REBUILD_APPLIED"
CP2_MSGS=$CPERF_MSGS CP2_RATE=$CPERF_RATE CP2_FETCH_RATE=$CPERF_FETCH_RATE
log "ConsumerPerformance (rebuild's reference): $CP2_MSGS records, $CP2_FETCH_RATE records/s fetching ($CP2_RATE with the group join)"
kill -CONT "$RS_PID"

# --- 6a: footprint, after the load; evidence from the read models ---------------------------------------------------

memory_snapshot >"$RESULTS/memory-loaded.txt"
db explain >"$RESULTS/explain.txt" 2>&1 || true
EVENTS_TOTAL=$(db count indicator.observation)
log "footprint: $(awk '$1 == "total" { printf "%.2f GiB RSS, %.2f GiB PSS, %d processes", $2 / 1048576, $3 / 1048576, $4 }' "$RESULTS/memory-loaded.txt")"

log "stopping the stack (SIGTERM to the launcher)"
stop_stack
FIRST_STOP_S=$STOP_S

# --- 6b: a second start on the same data (the everyday case) --------------------------------------------------------

SECOND_HEALTHY_S=- SECOND_UP_S=-
if [[ $RESTART == 1 ]]; then
  log "starting the stack again on the same data"
  LAUNCHER_OUT=$TARGET/launcher-second-start.out
  start_stack "$CURRENT_DATA" "$LAUNCHER_OUT"
  await_healthy 300 "$LAUNCHER_OUT"
  SECOND_HEALTHY_S=$HEALTHY_S SECOND_UP_S=$UP_S
  memory_snapshot >"$RESULTS/memory-idle.txt"
  log "gateway healthy after $SECOND_HEALTHY_S s, stack up after $SECOND_UP_S s; stopping"
  stop_stack
fi

kill "${BACKGROUND[@]}" 2>/dev/null || true
BACKGROUND=()
RUN_SECONDS=$(( $(date +%s) - RUN_BEGIN ))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)


# What the report needs from the run, for --report-only.
GIT_HEAD=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
GIT_DIRTY=$(git status --porcelain 2>/dev/null | wc -l | tr -d ' ')
JVM_OPTS_USED=${PLANWATCH_JVM_OPTS:-}
declare -p RUN_DATE RUN_SECONDS LOAD_BEFORE LOAD_AFTER FIRST_HEALTHY_S FIRST_UP_S SECOND_HEALTHY_S SECOND_UP_S \
  FIRST_STOP_S PP_RPS PP_P50 PP_P99 BACKLOG BACKLOG_TARGET DRAIN_RATE CP_MSGS CP_RATE CP_FETCH_RATE PAUSE_S FIRST_FOLD_S \
  MID_RUN_INSTANT MID_RUN_FACTS EVENTS_TOTAL REBUILD_STATE REBUILD_APPLIED REBUILD_S REBUILD_RATE HISTORY_EVENTS CP2_MSGS CP2_RATE CP2_FETCH_RATE JAR_DATES STACK_ROOT COMMAND GIT_HEAD GIT_DIRTY JVM_OPTS_USED DURATION \
  ROUNDS CONNS THREADS FRESHNESS_S PRODUCER_RECORDS RECORD_SIZE OFFSET WARM_STEADY JIT_SETTLED >"$RESULTS/run.env"
fi

# --- the table ------------------------------------------------------------------------------------------------------

fmt_cpu() { sed 's/=/ /g; s/ \([a-z]\)/, \1/g; s/ *$//' "$RESULTS/$1.cpums"; }
statuses_of() { for f in "$@"; do field "$f" statuses; done | tr ',' '\n' | grep . \
  | awk -F: '{ t[$1] += $2 } END { for (s in t) printf "%s × %s, ", s, t[s] }' | sed 's/, $//'; }
verdict() { awk "BEGIN { exit !($1) }" && echo "**met**" || echo "**not met**"; }
gib() { awk -v k="$1" 'BEGIN { printf "%.2f", k / 1048576 }'; }

ING=$(pooled_rps ingest) CEIL=$(pooled_rps ceiling) RG=$(pooled_rps read-gateway) RD=$(pooled_rps read-direct)
ING_RATIO=$(calc '%.2f' "$ING / $CEIL")
GW_RATIO=$(calc '%.2f' "$RG / $RD")
cpu_total() { mean_cpu "$1" | tr ',' '\n' | awk '$1 == "total" { print $2 }'; }
ING_CPU_RATIO=$(calc '%.2f' "$(cpu_total ceiling) / $(cpu_total ingest)")
GW_CPU_RATIO=$(calc '%.2f' "$(cpu_total read-direct) / $(cpu_total read-gateway)")
PP_RATIO=$(calc '%.3f' "$ING / $PP_RPS")
DRAIN_RATIO=$(calc '%.3f' "$DRAIN_RATE / $CP_FETCH_RATE")
REBUILD_RATIO=$(calc '%.3f' "$REBUILD_RATE / $CP2_FETCH_RATE")
F=$RESULTS/freshness.txt
F_P50=$(field "$F" p50_ms) F_P99=$(field "$F" p99_ms) F_N=$(field "$F" samples)
F_LOAD=$(field "$RESULTS/freshness-load.txt" rps)
F_PROBES=$(calc '%.1f' "$F_N / $FRESHNESS_S")
MEM_RSS=$(awk '$1 == "total" { print $2 }' "$RESULTS/memory-loaded.txt")
MEM_PSS=$(awk '$1 == "total" { print $3 }' "$RESULTS/memory-loaded.txt")
LOADS=$(sort -n "$RESULTS/loadavg" | awk '{ a[NR] = $1; t += $1 } END { printf "min %.1f · mean %.1f · max %.1f (%d samples)", a[1], t / NR, a[NR], NR }')

if awk "BEGIN { exit !($F_LOAD >= 500) }"; then
  F_VERDICT=$(verdict "${F_P99:-1e9} <= 1000 && $(field "$F" not_visible_in_15s) == 0")
elif awk "BEGIN { exit !(${F_P99:-1e9} <= 1000 && $(field "$F" not_visible_in_15s) == 0) }"; then
  F_VERDICT="**not met**: p99 ≤ 1 s held, but at $F_LOAD reports/s, not 500/s"
else
  F_VERDICT="**not met**"
fi

row_wrk() { # name → "rps req/s · p50 · p99"
  printf '%s req/s · p50 %s ms · p99 %s ms' "$(field "$RESULTS/$1.txt" rps)" "$(field "$RESULTS/$1.txt" p50_ms)" "$(field "$RESULTS/$1.txt" p99_ms)"
}

TABLE=$(cat <<EOF
| # | measure | PlanWatch | reference, same run | ratio | target | verdict |
|---|---|---|---|---|---|---|
| 1 | Ingestion through the gateway with auth: \`POST /api/v1/indicators/IND-01/observations\`, CNIPA reporter, period 2023, value varied | $ING reports/s · p50 $(mean_field ingest p50_ms) ms · p99 $(mean_field ingest p99_ms) ms | HTTP ceiling — \`GET /api/v1/me\` with the same bearer token, answered by the gateway itself: $CEIL req/s · p50 $(mean_field ceiling p50_ms) ms · p99 $(mean_field ceiling p99_ms) ms | **$ING_RATIO** (rounds: $(per_round_ratios ingest ceiling); from CPU cost: $ING_CPU_RATIO) | ≥ 0.5 | $(verdict "$ING_RATIO >= 0.5") |
| 1b | … beside the broker's ceiling | $ING reports/s | Kafka \`ProducerPerformance\`, same broker, $PRODUCER_RECORDS × $RECORD_SIZE B, acks=all, idempotence on: $PP_RPS records/s · p50 $PP_P50 ms · p99 $PP_P99 ms | $PP_RATIO | — | (context) |
| 2 | Gateway overhead: \`GET /api/v1/indicators/IND-01\`, same token | via gateway $RG req/s · p50 $(mean_field read-gateway p50_ms) ms · p99 $(mean_field read-gateway p99_ms) ms | direct to indicator-service: $RD req/s · p50 $(mean_field read-direct p50_ms) ms · p99 $(mean_field read-direct p99_ms) ms | **$GW_RATIO** (rounds: $(per_round_ratios read-gateway read-direct); from CPU cost: $GW_CPU_RATIO) | ≥ 0.7 | $(verdict "$GW_RATIO >= 0.7") |
| 3 | Rebuild: \`POST /api/v1/ops/projections/observations/rebuild\` replays the log from offset 0 into fresh tables, catches up and replaces the live contents (${REBUILD_STATE}); the log holds this run's reports and $HISTORY_EVENTS of history | $REBUILD_APPLIED events in $REBUILD_S s = $REBUILD_RATE events/s | Kafka \`ConsumerPerformance\`, same topic from its start, $CP2_MSGS records: $CP2_FETCH_RATE records/s fetching ($CP2_RATE incl. group join) | **$REBUILD_RATIO** | ≥ 0.25 | $(verdict "$REBUILD_RATIO >= 0.25") |
| 3b | Projection: the live national-view projector folding a backlog of $BACKLOG events into \`reporting.indicator_fact\` (a polled batch per transaction, one consumer per partition, as in normal running) | $DRAIN_RATE events/s | Kafka \`ConsumerPerformance\`, same topic from its start, all $CP_MSGS records: $CP_FETCH_RATE records/s fetching ($CP_RATE incl. group join) | $DRAIN_RATIO | — | (context) |
| 4 | Freshness: 202 → visible in \`GET /api/v1/national-view\` | p50 $F_P50 ms · p99 $F_P99 ms · max $(field "$F" max_ms) ms ($F_N samples, $(field "$F" not_visible_in_15s) not visible within 15 s) | under $F_LOAD reports/s of background load (wrk, $CONNS connections, the most this machine sustained) + $F_PROBES probes/s | — | p99 ≤ 1 s at 500 reports/s | $F_VERDICT |
| 5a | National view, $CONNS concurrent readers, lead token | $(row_wrk national-view) | | — | — | (no target set) |
| 5b | … \`?asOf=2026-01-01T00:00:00Z\` (before any event of the run) | $(row_wrk as-of-2026-01-01) | | — | — | (no target set) |
| 5c | … \`?asOf=$MID_RUN_INSTANT\` (mid-run: $MID_RUN_FACTS facts recorded by then) | $(row_wrk as-of-mid-run) | | — | — | (no target set) |
| 6a | Footprint: whole stack after the load, sum over $(awk '$1 == "total" { print $4 }' "$RESULTS/memory-loaded.txt") processes | $(gib "$MEM_RSS") GiB RSS ($(gib "$MEM_PSS") GiB PSS) | | — | ≤ 2.5 GiB | $(verdict "$MEM_RSS / 1048576 <= 2.5") |
| 6b | Start-up, fresh data directory (initdb, storage format, migrations): launcher start → gateway healthy | $FIRST_HEALTHY_S s (launcher's "up" after its warm-up: $FIRST_UP_S s) | | — | ≤ 60 s | $(verdict "$FIRST_HEALTHY_S <= 60") |
| 6c | Start-up, second start on the same data | $SECOND_HEALTHY_S s (up: $SECOND_UP_S s) | | — | ≤ 60 s | $( [[ $SECOND_HEALTHY_S == - ]] && echo "(not run)" || verdict "$SECOND_HEALTHY_S <= 60") |
EOF
)

CPU_TABLE=$(cat <<EOF
| run | CPU ms per request, by process (mean of rounds) | machine: busy · stack · others (of 2 cores) |
|---|---|---|
| ingestion via gateway | $(mean_cpu ingest) | $(mean_busy ingest) |
| \`GET /api/v1/me\` (ceiling) | $(mean_cpu ceiling) | $(mean_busy ceiling) |
| \`GET /api/v1/indicators/IND-01\` via gateway | $(mean_cpu read-gateway) | $(mean_busy read-gateway) |
| \`GET /api/v1/indicators/IND-01\` direct | $(mean_cpu read-direct) | $(mean_busy read-direct) |
| ingestion with reporting-service paused (step 3) | $(fmt_cpu backlog) | $(cat "$RESULTS/backlog.busy") |
| ingestion during the freshness probes (step 4) | $(fmt_cpu freshness-load) | $(cat "$RESULTS/freshness-load.busy") |
| national view | $(fmt_cpu national-view) | $(cat "$RESULTS/national-view.busy") |
| national view as of mid-run | $(fmt_cpu as-of-mid-run) | $(cat "$RESULTS/as-of-mid-run.busy") |
EOF
)

MEM_TABLE=$( { echo "| process | RSS after load (MiB) | PSS after load (MiB) | processes | RSS idle after 2nd start (MiB) |"
  echo "|---|---|---|---|---|"
  while read -r c rss pss n; do
    idle=$( [[ -f $RESULTS/memory-idle.txt ]] && awk -v c="$c" '$1 == c { printf "%.0f", $2 / 1024 }' "$RESULTS/memory-idle.txt")
    printf '| %s | %.0f | %.0f | %s | %s |\n' "$c" "$(calc '%.1f' "$rss / 1024")" "$(calc '%.1f' "$pss / 1024")" "$n" "${idle:--}"
  done < <(grep -v '^total' "$RESULTS/memory-loaded.txt"; grep '^total' "$RESULTS/memory-loaded.txt")
} )

echo
echo "PlanWatch benchmarks, $RUN_DATE ($(nproc) cores, load average during the run: $LOADS)"
echo
echo "$TABLE"
echo
echo "$CPU_TABLE"
echo

# --- docs/benchmarks.md ---------------------------------------------------------------------------------------------

if [[ -n ${JVM_OPTS_USED:-} ]]; then
  JVM_OPTS_NOTE="the JVM options \`$JVM_OPTS_USED\` (PLANWATCH_JVM_OPTS, not the launcher's default)"
  COMMAND="PLANWATCH_JVM_OPTS='$JVM_OPTS_USED' $COMMAND"
else
  JVM_OPTS_NOTE="the launcher's default JVM options (\`-Xms64m -Xmx256m -XX:+UseSerialGC -Xss512k\`)"
fi
cpu_of() { mean_cpu "$1" | tr ',' '\n' | awk -v c="$2" '$1 == c { print $2 }'; } # measure component → ms/request
# Freshness: when even the lower bound is below the poll interval, the first read after the 202 already showed the
# report, and the figure is the national view's read latency under load rather than the projection's lag.
F_NOTE=
if awk "BEGIN { exit !($(field "$F" lower_p99_ms) < 20) }"; then
  F_NOTE="In this run the lower bound's p99 is $(field "$F" lower_p99_ms) ms: in at least 99 % of the samples the
  very first national-view read sent after the 202 already showed the report. The projection was faster than one
  read; the figure in the table is the national view's own read latency under this load (compare row 5a), and that
  is what keeps p99 near or over 1 s here."
fi
# A finding the evidence supports by itself: the revision look-up scans the whole table for every event.
SCAN_NOTE=
if grep -q 'Seq Scan' "$RESULTS/explain.txt"; then
  SCAN_NOTE="Both plans are a **sequential scan of the whole table** for every event folded: no index serves
\`(indicator, period)\` (only the partial \`… where current\` one, which a query without \`current\` cannot use), so
the cost of a fold grows linearly with every fact ever recorded, and a rebuild from offset 0 is quadratic in the
length of the log. At this run's $EVENTS_TOTAL rows the look-up alone takes
$(grep 'Execution Time' "$RESULTS/explain.txt" | awk '{ print $3 }' | paste -sd/) ms (observation/indicator_fact), against
$(calc '%.1f' "1000 / $DRAIN_RATE") ms per event for the whole fold at the rate of row 3b (measured earlier, on fewer rows):
the projection rate and the freshness fall as history accumulates."
fi
mkdir -p "$(dirname "$DOC")"
cat >"$DOC" <<EOF
# Benchmarks

Made by \`$COMMAND\` on $RUN_DATE, in one run of $RUN_SECONDS s. Every figure below comes from that run; rerun the
command to refresh the whole file.

**The machine was loaded.** It has $(nproc) cores and $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')) and is shared: other engineers were compiling
and running test suites (with their own Kafka and PostgreSQL) throughout. 1-minute load average during the run:
$LOADS; before: $LOAD_BEFORE, after: $LOAD_AFTER. Absolute rates are therefore low and move from run to run;
**read the ratios**, which compare runs made side by side (alternating, $ROUNDS rounds of $DURATION s each), and the
CPU cost per request, which load from others moves much less.

Stack under test: commit $GIT_HEAD with $GIT_DIRTY uncommitted changes in the work tree, jars as built then
($JAR_DATES), started as \`./run.sh\` starts it: \`java -jar launcher/target/launcher.jar\`, a Kafka $(basename "$(ls "$STACK_ROOT"/launcher/target/lib/kafka_2.13-*.jar)" .jar | sed 's/kafka_2.13-//')
KRaft broker process and embedded PostgreSQL 17, services with $JVM_OPTS_NOTE, data in \`perf/target/data\` (fresh), every port moved by
\`PLANWATCH_PORT_OFFSET=$OFFSET\`. Java: $(java -version 2>&1 | head -1).

## Results

$TABLE

Status codes wrk saw: ingestion $(statuses_of "$RESULTS"/ingest.*.txt); ceiling $(statuses_of "$RESULTS"/ceiling.*.txt);
gateway read $(statuses_of "$RESULTS"/read-gateway.*.txt); direct read $(statuses_of "$RESULTS"/read-direct.*.txt);
backlog $(statuses_of "$RESULTS/backlog.txt"); freshness load $(statuses_of "$RESULTS/freshness-load.txt"); national view
$(statuses_of "$RESULTS"/national-view.txt "$RESULTS"/as-of-*.txt); freshness probes not answered 202:
$(field "$F" not_202), never visible within 15 s: $(field "$F" not_visible_in_15s).

Ratios in **bold** are the ones with a target. "met" / "not met" are computed by the script from the figures.
"From CPU cost" is the inverse ratio of the stack's total CPU milliseconds per request (next section): what the
throughput ratio tends to when the stack is CPU-bound, as it is here, and much less moved by the other tenants than
the throughput ratio itself.

What the CPU accounting below says about the two ratio targets: the machine's cores were busy throughout (the stack
and the other tenants, see the last column), so throughput here is bounded by CPU per request. An accepted report cost $(cpu_total ingest) ms of CPU across the
stack (gateway $(cpu_of ingest gateway), indicator-service $(cpu_of ingest indicator-service), Kafka $(cpu_of ingest kafka),
PostgreSQL $(cpu_of ingest postgres), reporting-service $(cpu_of ingest reporting-service)) against $(cpu_total ceiling) ms
for the ceiling: on CPU alone ingestion can reach $ING_CPU_RATIO of the ceiling's rate (target 0.5). A read through
the gateway cost $(cpu_total read-gateway) ms, of which the gateway $(cpu_of read-gateway gateway) ms, against
$(cpu_total read-direct) ms answered directly (indicator-service $(cpu_of read-direct indicator-service) ms): on CPU alone
$GW_CPU_RATIO of the direct rate (target 0.7).

### Where the CPU goes

CPU time (user + system, from \`/proc/<pid>/stat\`) each process of the stack spent per request during each wrk run,
divided by the requests wrk completed. On 2 cores, the sum bounds the throughput: 2000 ms / total ≈ the most
requests per second the machine could serve with nothing else running.

$CPU_TABLE

### Footprint by process

$MEM_TABLE

RSS counts shared pages once per process (PostgreSQL's shared buffers appear in every backend), so its sum overstates;
PSS divides shared pages among the processes sharing them and is the fairer whole-stack figure. The target is checked
against the RSS sum, the stricter of the two.

### Evidence: the projectors' per-event revision look-up

Plans of the statement each projector runs for every event (\`select coalesce(max(revision), 0) + 1 … where
indicator = ? and period = ?\`), at the table sizes the run left ($EVENTS_TOTAL observations):

\`\`\`
$(cat "$RESULTS/explain.txt")
\`\`\`

$SCAN_NOTE

$(if [[ -f $PERF_DIR/before-after.md ]]; then cat "$PERF_DIR/before-after.md"; fi)
$(if [[ -f $PERF_DIR/many-plans.md ]]; then printf "\n"; cat "$PERF_DIR/many-plans.md"; fi)

## Method

- **Load tool**: \`wrk\` (Debian package), $THREADS threads, $CONNS connections, \`--latency\`, closed loop (each
  connection sends its next request when the previous answer arrives), so a rate is the most the stack sustained
  at that concurrency. Lua scripts in \`perf/wrk/\` set the bearer token, build the POST bodies (the value differs
  on every request: thread id and counter) and count status codes; every status is reported, and a run that is not
  all 2xx says so in the raw results.
- **Tokens**: \`client_credentials\` from the authorization server with the secrets it wrote to
  \`perf/target/data/dev-clients.json\` (\`cnipa-reporter\`, \`cnipa-lead\`).
- **Rate limit**: the gateway's per-client limit (200 burst, 100/s by default) would cap a single client far below
  what is measured here, so the stack runs with \`PLANWATCH_GATEWAY_RATE_LIMIT_CAPACITY\` and
  \`PLANWATCH_GATEWAY_RATE_LIMIT_REFILL_PER_SECOND\` set to 1000000. The launcher passes its own environment on to
  the services (\`ProcessBuilder\` inherits it; \`ServiceProcess\` only adds to it), and Spring's relaxed binding maps
  them to \`planwatch.gateway.rate-limit.*\`; the gateway's \`X-RateLimit-Remaining\` answers confirm it. One client,
  one token throughout.
- **Warm-up**: unmeasured, after start-up, in windows of 10 s of reports and 3 s of each read measured, until the
  report rate of two windows in a row is within 10 % and the JIT compilers took under $JIT_SETTLED % (\`PERF_JIT_SETTLED\`) of
  the stack's CPU in the second (at most \`PERF_WARM_WINDOWS\`): the full tiered compiler settles over minutes. This
  run: steady ${WARM_STEADY:-?}.
- **1 — HTTP ceiling**: \`GET /api/v1/me\` with the reporter's bearer token is the closest authenticated no-op the
  product has without a change: the gateway verifies the JWT, applies the rate limit and the security headers, and
  answers from the token alone (no backend, no database). It is a ceiling for the gateway's HTTP handling with
  authentication, not for a proxied request. Rounds alternate ingestion and ceiling so that both see the same
  machine; the ratio is pooled requests ÷ pooled seconds of each.
- **1b — broker ceiling**: \`org.apache.kafka.tools.ProducerPerformance\` (kafka-tools 4.1.2 from Maven Central, run
  on the broker's own jars) to a topic of its own (\`perf.producer-performance\`, 3 partitions, like ours),
  \`acks=all\`, \`enable.idempotence=true\`, $RECORD_SIZE-byte records, unthrottled. $RECORD_SIZE B is our events'
  size as stored: an \`ObservationReported\` value is 300–360 B of JSON, and its key and eight CloudEvents/trace
  headers bring a record to ≈ 650 B (each is its own 700–750 B batch in the log; \`DumpLogSegments\` shows it).
  ProducerPerformance batches (up to 16 KiB, \`linger.ms\` 5), which is part of why the broker takes far more than
  the product sends it: each report is its own request to the broker.
- **2 — gateway overhead**: the same authenticated read, alternating through the gateway (port $((8080 + OFFSET)))
  and straight to indicator-service (port $((8081 + OFFSET))), same token. Both services share the same 2 cores,
  so the ratio reflects the gateway's CPU cost per request as much as its latency.
- **3 — rebuild**: \`POST /api/v1/ops/projections/observations/rebuild\` through the gateway with the operator's
  token, then \`GET /api/v1/ops/projections/observations\` every 0.5 s until it is no longer RUNNING; the rate is
  the events it applied ÷ (its \`finishedAt\` − \`startedAt\`), so it includes creating the fresh tables, the
  replay, numbering the revisions, locking the live table, the catch-up and replacing its contents (indicator-service logs
  the replay's and the swap's time). A run's own reports are a few thousand and replay in about a second — the fixed costs would
  dominate — so $HISTORY_EVENTS more reports are appended to the topic first (\`perf/java/history/SeedHistory.java\`:
  copies of this run's reports, each under a new event id, i.e. later revisions of the same periods), with
  reporting-service paused (\`SIGSTOP\`) until the reference below is measured, and observations' live projector
  allowed to fold them before the rebuild starts. The reference is \`org.apache.kafka.tools.ConsumerPerformance\`
  reading the same number of records of the same topic from its start with a new group; "fetching" excludes its
  group join, and the ratio is taken against it, the stricter of its two rates.
- **3b — live projection**: reporting-service's JVM is paused with \`SIGSTOP\` while wrk reports for $DURATION s (the
  events wait in Kafka; ingestion does not involve reporting-service), the backlog is counted once
  indicator-service's projector has folded the same events (\`indicator.observation\`), then
  \`perf/java/Db.java drain\` sends \`SIGCONT\` and counts \`reporting.indicator_fact\` every 20 ms until it holds
  every event: rate = backlog ÷ time from SIGCONT. The pause ($PAUSE_S s in this run) is kept well under the
  consumer's session timeout (45 s), so the group does not rebalance: the first event was folded $FIRST_FOLD_S s
  after SIGCONT. Reference: ConsumerPerformance over the whole topic at that point ($BACKLOG_TARGET records). The
  live projector runs one database transaction per event, as it must to answer for each event on its own.
- **4 — freshness**: \`perf/java/Freshness.java\` (JDK HttpClient) runs three probe loops, on IND-02, IND-03 and IND-04, while
  wrk reports IND-01 at the most the machine sustains. A probe sends a report with a value no other report has,
  takes the time of its 202, then polls \`GET /api/v1/national-view\` (lead token) every 20 ms until the report's
  eventId appears in it (the view lists the eventIds behind each figure), and only then sends the next. The figure
  is from the 202 to the arrival of the first answer that shows it, so it includes one national-view read under
  load; a lower bound (the time that read was sent) is in \`perf/target/results/freshness.txt\`: p50
  $(field "$F" lower_p50_ms) ms, p99 $(field "$F" lower_p99_ms) ms. 500 reports/s is beyond this machine (see 1), so the target's load could not be
  applied; the load used is stated in the table. With ~$F_N samples, p99 is close to the maximum.
  $F_NOTE
- **5 — reads**: wrk with the lead token on the national view, its as-of form at 2026-01-01 (before every event of
  the run: the as-of query finds nothing) and at an instant after the first ingestion run (the as-of query then
  folds the hundreds of facts recorded by then).
- **6 — footprint and start-up**: every process of the stack — the launcher and its descendants (Kafka, the
  services), PostgreSQL's postmaster and its backends (found through \`postmaster.pid\`, since pg_ctl detaches them) —
  summed from \`/proc/<pid>/status\` (VmRSS) and \`/proc/<pid>/smaps_rollup\` (Pss), after all the load. Start-up is
  from starting the launcher to the gateway's \`/actuator/health\` answering 200, polled every 250 ms; the launcher
  then warms every service through the gateway before it prints "PlanWatch is up", given in brackets. The first
  start is on a fresh data directory (initdb, Kafka storage format, Flyway migrations, development clients); the
  second on the same data after a SIGTERM stop (the stop took $FIRST_STOP_S s).
- **Isolation**: the stack runs from a private copy of the built jars (\`perf/target/stack/\`), because other
  engineers rebuild the jars in place while benchmarks run and a JVM whose jar is replaced under it fails
  (\`NoClassDefFoundError\`; seen while preparing this). The launcher is the same launcher.jar, run from that copy
  exactly as \`run.sh\` runs it. Nothing is left running: the script stops the stack by the launcher's pid (SIGTERM)
  on exit, whatever the exit.
- Raw output of every step: \`perf/target/results/\` (not committed); \`perf/run-benchmarks.sh --report-only\`
  writes this file again from them.
- **Faults** are exercised by \`perf/fault-suite.sh\`, which prints its own counts and writes
  \`docs/fault-suite.md\`; it is not part of this run.
EOF
log "wrote $DOC"
