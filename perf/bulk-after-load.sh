#!/usr/bin/env bash
# Bulk visibility after other load, on a stack of its own: the time from each submission's 202 until the national view
# holds all of its facts (perf/java/BulkSubmission, 10,000 rows), first on a quiet stack (unless PERF_NO_QUIET=1), then
# after each load of PERF_LOADS in turn (default "60"): a number is that many seconds of one report per request to
# IND-01/2023 through the gateway, "pp" is ProducerPerformance as perf/pipeline.sh runs it (50,000 + 100,000 + 100,000
# records, the last with transactions), "pipeline" is all the load perf/pipeline.sh puts on the stack before its bulk
# step. PERF_AFTER="WARMUPS ROUNDS" sets the submissions after each load (0 3); PERF_BEFORE_BULK_SQL, if set, is run as
# the database superuser before them. During each group of submissions: the database's CPU by role, what the services'
# connections are doing (every 0.1 s, in perf/target/bulk-after-load-results/database.N) and autovacuum workers.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/lib.sh
source perf/lib.sh
SECTION=bulk-after-load
CURRENT_DATA=$TARGET/$SECTION-data
RESULTS=$TARGET/$SECTION-results
BULK_ROWS=10000
LOADS=${PERF_LOADS:-60}
THREADS=2 CONNS=16 DURATION=10
start_own_stack
REPORTER=$(token cnipa-reporter)
OBSERVE=$GATEWAY/api/v1/indicators/IND-01/observations
publish_bulk_plan
watch_autovacuum() { # "time workers", every 0.3 s
  while :; do
    echo "$(date +%T.%N | cut -c1-12) $(db count "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")"
    sleep 0.3
  done
}
# What the services' database connections are doing, every 0.1 s: "time role state wait_event query…".
watch_database() {
  while :; do
    PGPASSWORD=$(pg_superuser_password) psql -h localhost -p $((15432 + OFFSET)) -U postgres -d planwatch -qAtF' ' \
      -c "select to_char(clock_timestamp(), 'HH24:MI:SS.MS'), usename, state, coalesce(wait_event, '-'),
                 left(regexp_replace(query, '\\s+', ' ', 'g'), 70)
            from pg_stat_activity where usename like '%_service' and state <> 'idle'" 2>/dev/null
    sleep 0.1
  done
}
# CPU ticks of the database's processes by what they are (each service's role, autovacuum, the others).
database_cpu() {
  local p
  for p in $(pgrep -f '^postgres: '); do
    echo "$(tr '\0' ' ' <"/proc/$p/cmdline" | awk '{ print ($2 ~ /_service$/ ? $2 : $2 "_" $3) }') $(sed 's/.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }')"
  done 2>/dev/null | awk '{ t[$1] += $2 } END { for (k in t) print k, t[k] }' | sort
}
bulk() { # NAME [WARMUPS ROUNDS]: submissions one after another; each one's ms from 202 to visible, CPU per row
  local warmups=${2:-0} rounds=${3:-3}
  REPORTER=$(token cnipa-reporter)
  cpu_snapshot "$RESULTS/$1.cpu0"
  as_pg_superuser java -cp "$TARGET/classes:$(pg_jar)" BulkSubmission "$GATEWAY" "$REPORTER" "$JDBC" "$BULK_PLAN" \
    "$BULK_ROWS" "$warmups" "$rounds" >"$RESULTS/$1.txt" 2>&1 || { cat "$RESULTS/$1.txt" >&2; exit 1; }
  cpu_snapshot "$RESULTS/$1.cpu1"
  log "$1: visible after $(grep -o 'visible_after_202_ms=[0-9]*' "$RESULTS/$1.txt" | cut -d= -f2 | paste -sd/) ms;" \
    "CPU per row $(cpu_per_request "$RESULTS/$1.cpu0" "$RESULTS/$1.cpu1" $(((warmups + rounds + 1) * BULK_ROWS)))"
}
[[ -z ${PERF_NO_QUIET:-} ]] && { bulk quiet-warm; bulk quiet; }
ensure_kafka_tools
n=0
for load in $LOADS; do
  n=$((n + 1))
  REPORTER=$(token cnipa-reporter) LEAD=$(token cnipa-lead)
  if [[ $load == pipeline ]]; then
    # What perf/pipeline.sh puts on the stack before its bulk step: its warm-up windows, then 10 s each of reports,
    # indicator reads through the gateway and directly, then ProducerPerformance.
    for w in 1 2 3 4 5 6; do
      warm_window_load "$n.$w" >/dev/null
    done
    single_request_measures "$n"
  fi
  if [[ $load == pipeline || $load == pp ]]; then
    producer_ceilings "pp.$n"
    log "ProducerPerformance: $PP_RPS records/s; with transactions $PP_TX_RPS records/s"
  else
    run_wrk "load.$n" observe.lua "$OBSERVE" "$REPORTER" "$load"
  fi
  if [[ -n ${PERF_BEFORE_BULK_SQL:-} ]]; then
    db exec "$PERF_BEFORE_BULK_SQL"
    sleep 3
  fi
  watch_autovacuum >"$RESULTS/autovacuum.$n" &
  WATCHER=$!
  watch_database >"$RESULTS/database.$n" &
  WATCHER2=$!
  database_cpu >"$RESULTS/database-cpu0.$n"
  bulk "after.$n-$load" ${PERF_AFTER:-}
  database_cpu >"$RESULTS/database-cpu1.$n"
  kill "$WATCHER" "$WATCHER2"
  log "database CPU ticks during the submissions: $(join "$RESULTS/database-cpu0.$n" "$RESULTS/database-cpu1.$n" | awk '{ printf "%s=%d ", $1, $3 - $2 }')"
  log "autovacuum workers seen in $(awk '$2 > 0' "$RESULTS/autovacuum.$n" | wc -l) of $(wc -l <"$RESULTS/autovacuum.$n") samples"
done
