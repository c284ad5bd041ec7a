#!/usr/bin/env bash
# PlanWatch fault suite: a steady stream of reports (PERF_FAULT_RATE a second, open loop) runs through the gateway
# while the Kafka broker (the process whose command line holds kafka.Kafka and this suite's data dir) is killed with
# SIGKILL. Two scenarios (PERF_FAULT_SCENARIO):
#
#   broker (default) — PERF_FAULT_DOWN_SECONDS later the broker is started again alone, with the very command line the
#     launcher gave it, while the services keep running. The launcher treats any component that dies as fatal and
#     stops the whole stack ("nobody works against half of it"), so under it a broker crash never reaches the services
#     as a broker outage; its watch loop is therefore paused (SIGSTOP) for the scenario, which makes it what a process
#     supervisor restarting the broker alone would do. At the end the launcher is resumed; it notices its broker
#     process is gone and stops the rest of the stack; the restarted broker is stopped by its pid.
#   stack — what ./run.sh gives: the launcher sees the broker die and stops the whole stack; the suite then starts the
#     stack again on the same data with the launcher, as a person would, while the stream goes on.
#
# Then the invariants are checked in both read models:
#   - every 202's eventId is present exactly once in indicator.observation and reporting.indicator_fact;
#   - no report answered with an HTTP refusal (503 …) was recorded ("a 4xx or 503 answer means nothing was recorded");
#   - no report was recorded twice;
#   - (broker scenario) during the outage clients got 503, each with Retry-After.
# Prints the counts and exits non-zero when an invariant is broken.
#
# The stream is open loop, so it must stay below what the stack sustains or the scenario measures overload instead of
# the crash: the stack is warmed up with 15 s of wrk first, and the rate is lowered to 60 % of what wrk reached when
# PERF_FAULT_RATE is more than that (and the output says so).
#
# Settings: PERF_PORT_OFFSET (300), PERF_FAULT_SCENARIO (broker | stack), PERF_FAULT_RATE (50), PERF_FAULT_SECONDS
# (75 for broker, 180 for stack), PERF_FAULT_KILL_AFTER (15), PERF_FAULT_DOWN_SECONDS (10, broker scenario).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/lib.sh
source perf/lib.sh

SCENARIO=${PERF_FAULT_SCENARIO:-broker}
case "$SCENARIO" in
  broker) SECONDS_TOTAL=${PERF_FAULT_SECONDS:-75} ;;
  stack) SECONDS_TOTAL=${PERF_FAULT_SECONDS:-180} ;;
  *) echo "PERF_FAULT_SCENARIO must be broker or stack" >&2; exit 2 ;;
esac
RATE=${PERF_FAULT_RATE:-50}
KILL_AFTER=${PERF_FAULT_KILL_AFTER:-15}
DOWN_SECONDS=${PERF_FAULT_DOWN_SECONDS:-10}
CURRENT_DATA=$TARGET/fault-data
RESULTS=$TARGET/fault-results-$SCENARIO
OUT=$TARGET/fault-launcher.out
BROKER_PID=
CLIENT_PID=

cleanup() {
  [[ -n $CLIENT_PID ]] && kill "$CLIENT_PID" 2>/dev/null || true
  [[ -n $LAUNCHER_PID ]] && kill -CONT "$LAUNCHER_PID" 2>/dev/null || true
  stop_stack
  if [[ -n $BROKER_PID ]] && kill -0 "$BROKER_PID" 2>/dev/null; then
    log "stopping the restarted broker (pid $BROKER_PID)"
    kill -TERM "$BROKER_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$BROKER_PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$BROKER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_debian_package jq jq
ensure_debian_package wrk wrk
ensure_built
snapshot_stack
compile_helpers
rm -rf "$CURRENT_DATA" "$RESULTS" "$OUT" "$TARGET/fault-launcher-restart.out"
mkdir -p "$RESULTS"

start_stack "$CURRENT_DATA" "$OUT"
await_healthy 300 "$OUT"
log "stack up after $UP_S s"

log "warm-up: 15 s of wrk reporting IND-01"
TOKEN=$(token cnipa-reporter) PERF_WRK_DIR=$PERF_DIR/wrk PERIOD=2022 wrk -t2 -c16 -d15s --timeout 10s \
  -s "$PERF_DIR/wrk/observe.lua" "$GATEWAY/api/v1/indicators/IND-01/observations" >"$RESULTS/warm-up.txt" 2>&1 || true
WARM_RPS=$(field "$RESULTS/warm-up.txt" rps)
REQUESTED_RATE=$RATE
RATE=$(awk -v want="$RATE" -v got="${WARM_RPS:-0}" 'BEGIN { cap = int(got * 0.6); print (cap >= 1 && cap < want) ? cap : want }')
log "warm-up: ${WARM_RPS:-?} reports/s closed loop; stream rate $RATE/s (asked: $REQUESTED_RATE/s)"
settled_count indicator.observation >/dev/null
settled_count reporting.indicator_fact >/dev/null

SECRET=$(jq -r '.[] | select(.clientId == "cnipa-reporter") | .clientSecret' "$CURRENT_DATA/dev-clients.json")
log "steady stream: $RATE reports/s for $SECONDS_TOTAL s (IND-01, IND-02, IND-05, each report a value of its own)"
helper SteadyReports "$GATEWAY" "$ISSUER" cnipa-reporter "$SECRET" "$RATE" "$SECONDS_TOTAL" \
  "$RESULTS/reports.csv" IND-01=7 IND-02=5 IND-05=11.7 >"$RESULTS/client.txt" 2>&1 &
CLIENT_PID=$!
# The client compiles for a few seconds before it sends; wait for its first reports to be recorded.
for _ in $(seq 1 60); do [[ $(db count indicator.observation) -gt 0 ]] && break; sleep 0.5; done
sleep "$KILL_AFTER"

KAFKA_PID=$(service_pid kafka)
CMDLINE=$(tr '\0' ' ' <"/proc/$KAFKA_PID/cmdline")
[[ $CMDLINE == *kafka.Kafka* && $CMDLINE == *"$CURRENT_DATA"* ]] || { log "pid $KAFKA_PID is not our broker: $CMDLINE"; exit 1; }
mapfile -d '' BROKER_CMD <"/proc/$KAFKA_PID/cmdline"
if [[ $SCENARIO == broker ]]; then
  log "pausing the launcher (pid $LAUNCHER_PID) and killing the broker (pid $KAFKA_PID) with SIGKILL"
  kill -STOP "$LAUNCHER_PID"
  kill -KILL "$KAFKA_PID"
  KILLED_AT=$(date +%s%N)
  sleep "$DOWN_SECONDS"
  log "restarting the broker with the launcher's command line"
  ( cd "$STACK_ROOT" && exec "${BROKER_CMD[@]}" ) >>"$CURRENT_DATA/logs/kafka.log" 2>&1 &
  BROKER_PID=$!
  for _ in $(seq 1 480); do (exec 3<>"/dev/tcp/localhost/${KAFKA##*:}") 2>/dev/null && break; sleep 0.25; done
  RECOVERY="broker restarted $DOWN_SECONDS s after the kill, listening again $(elapsed_s "$KILLED_AT") s after it"
else
  log "killing the broker (pid $KAFKA_PID) with SIGKILL; the launcher (pid $LAUNCHER_PID) reacts as under run.sh"
  kill -KILL "$KAFKA_PID"
  KILLED_AT=$(date +%s%N)
  for _ in $(seq 1 480); do kill -0 "$LAUNCHER_PID" 2>/dev/null || break; sleep 0.25; done
  LAUNCHER_RC=0; wait "$LAUNCHER_PID" || LAUNCHER_RC=$?
  DOWN_S=$(elapsed_s "$KILLED_AT")
  LAUNCHER_PID=
  log "the launcher stopped the whole stack and exited (code $LAUNCHER_RC) $DOWN_S s after the kill; starting it again"
  OUT=$TARGET/fault-launcher-restart.out
  start_stack "$CURRENT_DATA" "$OUT"
  await_healthy 300 "$OUT"
  RECOVERY="the launcher stopped the stack and exited (code $LAUNCHER_RC) $DOWN_S s after the kill; started again by the suite, gateway healthy $(elapsed_s "$KILLED_AT") s after the kill"
fi
KILLED_MS=$(( KILLED_AT / 1000000 ))
log "$RECOVERY"

wait "$CLIENT_PID" || true
CLIENT_PID=
grep -v '^PERF_RESULT' "$RESULTS/client.txt" | sed 's/^/  /' >&2 || true
log "client: $(grep PERF_RESULT "$RESULTS/client.txt")"

log "waiting for both projectors to settle"
settled_count indicator.observation >/dev/null
settled_count reporting.indicator_fact >/dev/null
db check "$RESULTS/reports.csv" >"$RESULTS/check.txt" 2>"$RESULTS/check-examples.txt" || true
cat "$RESULTS/check-examples.txt" >&2

C=$RESULTS/client.txt K=$RESULTS/check.txt
SENT=$(field "$C" sent) ACCEPTED=$(field "$C" accepted) S503=$(field "$C" status_503) S503RA=$(field "$C" status_503_with_retry_after)
# The outage as the clients saw it, in seconds from the kill: CSV times are ms from the client's begin.
KILL_REL=$(( KILLED_MS - $(field "$C" begin_epoch_ms) ))
OUTAGE=$(awk -F, -v k="$KILL_REL" 'NR > 1 {
    if ($6 != 202) { if (firstBad == "" || $5 < firstBad) firstBad = $5; if ($5 > lastBad) lastBad = $5 }
    if ($6 == 202 && $4 >= k && (firstOk == "" || $5 < firstOk)) firstOk = $5
    if ($6 == 202 && $4 < k && $5 > k) lateOk++
  } END { printf "first failed answer at %+.1f s, last at %+.1f s; first 202 for a report sent after the kill at %+.1f s; %d reports sent before the kill were answered 202 after it", (firstBad - k) / 1000, (lastBad - k) / 1000, (firstOk - k) / 1000, lateOk }' "$RESULTS/reports.csv")
echo
echo "Fault suite, scenario \"$SCENARIO\" — the broker killed with SIGKILL under a steady stream of $RATE reports/s"
echo "(asked: $REQUESTED_RATE/s; warm-up reached ${WARM_RPS:-?}/s closed loop); $RECOVERY."
echo "$(date -u +%FT%TZ), $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared and loaded)"
printf '%-44s %s\n' "sent" "$SENT" "answered 202 (acknowledged)" "$ACCEPTED" "answered 503 / of which with Retry-After" "$S503 / $S503RA" \
  "all outcomes" "$(field "$C" outcomes)" "outage, relative to the kill" "$OUTAGE"
for t in observation indicator_fact; do
  printf '%-44s present %s · missing %s · duplicated %s · refused-but-recorded %s · unanswered %s (recorded anyway: %s)\n' \
    "$t" "$(field "$K" "${t}_present")" "$(field "$K" "${t}_missing")" "$(field "$K" "${t}_duplicated")" \
    "$(field "$K" "${t}_refused_but_recorded")" "$(field "$K" "${t}_unanswered")" "$(field "$K" "${t}_unanswered_but_recorded")"
done

broken=0
for t in observation indicator_fact; do
  [[ $(field "$K" "${t}_present") == "$ACCEPTED" && $(field "$K" "${t}_missing") == 0 ]] || { echo "BROKEN: a 202 is missing from $t"; broken=1; }
  [[ $(field "$K" "${t}_duplicated") == 0 ]] || { echo "BROKEN: reports recorded twice in $t"; broken=1; }
  [[ $(field "$K" "${t}_refused_but_recorded") == 0 ]] || { echo "BROKEN: refused reports recorded in $t"; broken=1; }
done
if [[ $SCENARIO == broker ]]; then
  [[ ${S503:-0} -gt 0 ]] || { echo "BROKEN: no 503 during the outage"; broken=1; }
fi
[[ $S503 == "$S503RA" ]] || { echo "BROKEN: a 503 without Retry-After"; broken=1; }
(( broken == 0 )) && echo "all invariants held"
exit "$broken"
