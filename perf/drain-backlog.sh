#!/usr/bin/env bash
# The national view's projector folding a backlog, on a stack of its own, PERF_ROUNDS times (4): reporting-service
# paused (SIGSTOP), PERF_SUBMISSIONS bulk submissions of 10,000 rows (8) into the log, programme-service left to fold
# them first, then reporting-service resumed and timed until its view has folded them all; the CPU of each process
# over the fold, per event. With PERF_JFR=1, a Java Flight Recorder profile of reporting-service over the last round
# (perf/target/drain-backlog-results/drain.jfr). The launcher's environment reaches the services, so a setting can be
# tried with e.g. SPRING_APPLICATION_JSON='{"spring.kafka.consumer.max-poll-records":3000}'.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/lib.sh
source perf/lib.sh
SECTION=drain-backlog
CURRENT_DATA=$TARGET/$SECTION-data
RESULTS=$TARGET/$SECTION-results
ROUNDS=${PERF_ROUNDS:-4}
SUBMISSIONS=${PERF_SUBMISSIONS:-8}
BULK_ROWS=10000
start_own_stack
REPORTER=$(token cnipa-reporter)
publish_bulk_plan
FOLDED="select events_applied from reporting.view_freshness where id = 1"
RS_PID=$(service_pid reporting-service)
for r in $(seq 1 "$ROUNDS"); do
  REPORTER=$(token cnipa-reporter)
  settled_count reporting.indicator_fact >/dev/null
  REPORTS_BEFORE=$(settled_count indicator.observation)
  FOLDED_BEFORE=$(db count "$FOLDED")
  kill -STOP "$RS_PID"
  as_pg_superuser java -cp "$TARGET/classes:$(pg_jar)" BulkSubmission "$GATEWAY" "$REPORTER" "$JDBC" "$BULK_PLAN" \
    "$BULK_ROWS" 0 "$SUBMISSIONS" --no-wait >"$RESULTS/backlog.$r.txt" 2>&1 ||
    { cat "$RESULTS/backlog.$r.txt" >&2; kill -CONT "$RS_PID"; exit 1; }
  BACKLOG=$(( $(settled_count indicator.observation) - REPORTS_BEFORE ))
  settled_count programme.reported_indicator >/dev/null
  settled_count programme.progress_report >/dev/null
  TARGET_FOLDED=$((FOLDED_BEFORE + BACKLOG))
  profile=
  if [[ -n ${PERF_JFR:-} && $r == "$ROUNDS" ]]; then
    # jcmd needs the JVM running: a few events may be folded before the timing starts.
    profile=1
    kill -CONT "$RS_PID"
    jcmd "$RS_PID" JFR.start name=drain settings=profile filename="$RESULTS/drain.jfr" >/dev/null
    kill -STOP "$RS_PID"
    BACKLOG=$((TARGET_FOLDED - $(db count "$FOLDED")))
  fi
  cpu_snapshot "$RESULTS/cpu0.$r"
  db drain "$RS_PID" "$FOLDED" "$TARGET_FOLDED" 600 >"$RESULTS/drain.$r.txt"
  cpu_snapshot "$RESULTS/cpu1.$r"
  if [[ -n $profile ]]; then jcmd "$RS_PID" JFR.stop name=drain >/dev/null; fi
  log "round $r: $(cat "$RESULTS/drain.$r.txt")"
  log "round $r: CPU per event (ms) $(cpu_per_request "$RESULTS/cpu0.$r" "$RESULTS/cpu1.$r" "$BACKLOG")"
done
