#!/usr/bin/env bash
# PlanWatch fault suite: each scenario puts a real stack under a steady stream of indicator reports through
# the gateway (PERF_FAULT_RATE a second, open loop), injects one fault, lets the stack recover, keeps the stream going a
# little longer, and then checks the same invariants:
#
#   1. every 202's eventId is in indicator.observation and in reporting.indicator_fact exactly once, no report is there
#      twice, no row of the stream's period is unexplained, and no refused report (4xx, 503) was recorded;
#   2. every refusal is application/problem+json, every 503 carries Retry-After, and nothing answers 500, a gateway's
#      504 or not at all within 30 s (a hang); some answers honestly say the outcome is unknown — a service killed while
#      answering (502, or the connection closed), a record in flight when the broker died (504 event-log-unconfirmed):
#      counted, not a breach — and then settled as the API tells a client to: every report is sent under its own
#      Idempotency-Key, and each unknown outcome is sent again under the same key (SteadyReports settle, waiting out
#      409 and 503) until it is a 202 or a refusal. None may stay unknown, and the settled 202s join invariant 1;
#      LogCopies then counts how many of them had reached the log at the first attempt after all;
#   3. each read model equals a clean replay: a second indicator-service and reporting-service (ports 8496/8497) replay
#      the whole log into a fresh database on the same PostgreSQL server, under fresh consumer groups; once they have
#      caught up with the topics' end offsets every read-model table is compared row for row (Db compare);
#   4. national totals equal the sum of their parts: GET /api/v1/national-view as the lead agency against the rows it
#      summarises, and against the replay's own view (NationalTotals).
#
# Scenarios (perf/fault-suite.sh [--runs N] [scenario …]; default: projector redelivery postgres broker):
#
#   projector  — kill -9 a projector exactly between its database commit and its offset commit (ProjectorWindow pauses
#                the JVM with SIGSTOP until the read model is ahead of the group's committed offsets), for
#                reporting-service's national view and indicator-service's observations; each is restarted with its
#                very command line and environment. The events in the window must come back and be skipped: present
#                once, and logged "already applied" / counted in planwatch_projection_redelivered_total.
#   redelivery — Redeliver produces a few hundred records already in the log again, byte for byte, some twice, in
#                shuffled order; then reporting-service is stopped, its group rewound by PERF_FAULT_REWIND records per
#                partition (kafka-tools' ConsumerGroupCommand) and started again, so it re-reads a range it applied.
#                Every row's revision must be unchanged, and its current flag where no newer report came meanwhile;
#                indicator-service must have skipped exactly the copies, the restarted reporting-service at least the
#                rewound records.
#   postgres   — PostgreSQL stopped abruptly (SIGQUIT to the postmaster: what pg_ctl stop -m immediate does) for
#                PERF_FAULT_DOWN_SECONDS, then started with the command line in postmaster.opts.
#   broker     — the Kafka broker killed with SIGKILL for PERF_FAULT_DOWN_SECONDS, then started with the launcher's
#                command line; clients must get 503 + Retry-After meanwhile.
#   stack      — the broker killed under the launcher as ./run.sh runs it: the launcher stops the whole stack, the
#                suite starts it again on the same data. Runs on a stack of its own (not in the default list).
#
# With several instances of everything (PERF_FAULT_REPLICAS of each service and of the gateway, 2 unless set), on a
# stack of their own that the launcher supervises as under ./run.sh (its watch loop is not paused), the stream going
# round the gateways:
#
#   instances  — kill -9 one instance of each backend service and one gateway, in random order at random moments of
#                the stream; the launcher starts each again, and the other instance serves meanwhile.
#   rolling    — a rolling restart of every instance (as ./run.sh restart asks the launcher): each stops gracefully (readiness down, drains,
#                commits its offsets) and is started again, one at a time, under the stream.
#   rebuild    — every read model rebuilt from offset 0 (the operators' API through the gateway), one after the other,
#                while both instances of each service serve and fold the stream; each must end SWAPPED.
#
# One stack serves every scenario of a run but `stack`; each scenario reports a period of its own (projector 2021,
# redelivery 2023, postgres 2024, broker 2025, stack 2023) so that the checks see only its reports. The launcher treats
# any component that dies as fatal, so for the supervised scenarios its watch loop is paused (SIGSTOP) from the end of
# the warm-up to the end of the run: the suite then restarts the killed component alone, as a process supervisor would.
#
# Prints one table at the end and writes it to docs/fault-suite.md; exits non-zero if any invariant broke in any run.
# Everything it starts is stopped by pid on exit.
#
# The stream is open loop, so it must stay below what the stack sustains or a scenario measures overload instead of its
# fault: each run's stack is warmed up with wrk first, and the rate is lowered to 60 % of what wrk reached when
# PERF_FAULT_RATE is more than that (the table shows the rate used).
#
# Settings: PERF_PORT_OFFSET (300; use your own), PERF_FAULT_RATE (30), PERF_FAULT_SECONDS (45: the shortest stream),
# PERF_FAULT_AFTER_RECOVERY (15: the stream goes on this long after the stack recovered), PERF_FAULT_KILL_AFTER (10),
# PERF_FAULT_DOWN_SECONDS (8), PERF_FAULT_WINDOW_TRIES (400), PERF_FAULT_REDELIVER (300), PERF_FAULT_REWIND (150), PERF_FAULT_REPLAY_PORT (8496: the replay instances take it and the next),
# PERF_FAULT_SCENARIO (one scenario, when none is named on the command line), PERF_FAULT_DOC (docs/fault-suite.md;
# empty: no document).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/lib.sh
source perf/lib.sh

RUNS=1
SCENARIOS=()
while (( $# )); do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --runs=*) RUNS=${1#--runs=}; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    projector|redelivery|postgres|broker|stack|instances|rolling|rebuild) SCENARIOS+=("$1"); shift ;;
    *) echo "unknown argument $1 (scenarios: projector redelivery postgres broker stack instances rolling rebuild; --runs N)" >&2; exit 2 ;;
  esac
done
if (( ${#SCENARIOS[@]} == 0 )); then
  if [[ -n ${PERF_FAULT_SCENARIO:-} ]]; then SCENARIOS=("$PERF_FAULT_SCENARIO")
  else SCENARIOS=(projector redelivery postgres broker); fi
fi
for s in "${SCENARIOS[@]}"; do
  case "$s" in projector|redelivery|postgres|broker|stack|instances|rolling|rebuild) ;; *) echo "unknown scenario $s" >&2; exit 2 ;; esac
done

RATE=${PERF_FAULT_RATE:-30}
STREAM_SECONDS=${PERF_FAULT_SECONDS:-45}
AFTER_RECOVERY=${PERF_FAULT_AFTER_RECOVERY:-15}
FAULT_AFTER=${PERF_FAULT_KILL_AFTER:-10}
DOWN_SECONDS=${PERF_FAULT_DOWN_SECONDS:-8}
WINDOW_TRIES=${PERF_FAULT_WINDOW_TRIES:-400}
REDELIVER_COUNT=${PERF_FAULT_REDELIVER:-300}
REWIND=${PERF_FAULT_REWIND:-150}
REPLAY_PORT=${PERF_FAULT_REPLAY_PORT:-8496}
DOC=${PERF_FAULT_DOC-docs/fault-suite.md}
(( REPLAY_PORT >= 8480 && REPLAY_PORT + 1 <= 8499 )) || { echo "PERF_FAULT_REPLAY_PORT must be in 8480–8498" >&2; exit 2; }
# With PERF_PORT_OFFSET=400 the stack itself has 8480–8483, and its second instances 8490–8493.
for port in "$REPLAY_PORT" $((REPLAY_PORT + 1)); do
  for base in $((8080 + OFFSET)) $((8090 + OFFSET)); do
    (( port < base || port > base + 3 )) ||
      { echo "PERF_FAULT_REPLAY_PORT $REPLAY_PORT collides with the stack's ports $base–$((base + 3))" >&2; exit 2; }
  done
done

CURRENT_DATA=$TARGET/fault-data
SUITE=$TARGET/fault-suite
SUMMARY=$SUITE/summary.tsv
PG_PORT=$((15432 + OFFSET))
INDICATOR_TOPIC=planwatch.indicator-events
PROGRAMME_TOPIC=planwatch.programme-events
QUARTERLY_TOPIC=planwatch.quarterly-update-events
# The live projectors' groups and the topics each reads (indicator-service also folds quarter locks).
LIVE_GROUPS=("indicator-service.observations=$INDICATOR_TOPIC+$QUARTERLY_TOPIC"
             "reporting-service.national-view=$INDICATOR_TOPIC+$PROGRAMME_TOPIC+$QUARTERLY_TOPIC")
declare -A PERIOD_OF=([projector]=2021 [redelivery]=2023 [postgres]=2024 [broker]=2025 [stack]=2023
                      [instances]=2021 [rolling]=2024 [rebuild]=2025)
REPLICAS=${PERF_FAULT_REPLICAS:-2}
REPLICATED_SCENARIOS=" instances rolling rebuild "
# The read models the operators can rebuild, each through the gateway to the service that holds it.
REBUILT_READ_MODELS=(${PERF_FAULT_READ_MODELS:-observations quarter-locks programme-progress quarterly-updates national-view dead-letters})
declare -A PORT_OF=([gateway]=$((8080 + OFFSET)) [indicator-service]=$((8081 + OFFSET))
                    [programme-service]=$((8082 + OFFSET)) [reporting-service]=$((8083 + OFFSET))
                    [auth-server]=$((9000 + OFFSET)))

# Processes the suite started in place of the launcher's (component -> pid), the replay instances, the stream.
declare -A REPLACED=()
REPLAY_PIDS=()
CLIENT_PID=
LAUNCHER_PAUSED=0

# --- processes ------------------------------------------------------------------------------------------------------

# Processes the suite pauses with SIGSTOP (the launcher, components it restarts) run in a process group of their own:
# if the suite's own group ever became orphaned (its parent gone, as under nohup) while one of them was stopped in it,
# the kernel would send the whole group SIGHUP and SIGCONT, killing the suite and resuming the launcher.
own_group() { set -m; "$@"; set +m; }

lines() { if [[ -f $1 ]]; then wc -l <"$1"; else echo 0; fi; }

# Running, and not a zombie: a child of the paused launcher that died stays a zombie until the launcher reaps it.
alive() { [[ -r /proc/$1/stat ]] && [[ $(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) != Z ]]; }

# The component's live process: the one the suite put in place of the launcher's, else the launcher's.
pid_of() {
  local p=${REPLACED[$1]:-}
  if [[ -n $p ]] && alive "$p"; then echo "$p"; return 0; fi
  if [[ $1 == postgres ]]; then postmaster_pid_of "$CURRENT_DATA"; return 0; fi
  service_pid "$1"
}

# capture PID: its command line, environment and working directory, to start it again exactly so.
capture() {
  mapfile -d '' CAP_CMD <"/proc/$1/cmdline"
  mapfile -d '' CAP_ENV <"/proc/$1/environ"
  CAP_CWD=$(readlink "/proc/$1/cwd")
}

# start_captured NAME LOG [EXTRA_ARG …]: starts what capture() saw, with extra arguments; sets STARTED_PID.
start_captured() {
  local log=$2
  local extra=("${@:3}")
  set -m
  ( cd "$CAP_CWD" && exec env -i "${CAP_ENV[@]}" "${CAP_CMD[@]}" "${extra[@]}" ) >>"$log" 2>&1 &
  STARTED_PID=$!
  set +m
}

stop_pid() { # pid [grace seconds]: SIGTERM, then SIGKILL after the grace
  local p=$1 grace=${2:-30}
  alive "$p" || return 0
  kill -CONT "$p" 2>/dev/null || true
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 1 $((grace * 4))); do alive "$p" || return 0; sleep 0.25; done
  log "pid $p still running $grace s after SIGTERM: SIGKILL"
  kill -KILL "$p" 2>/dev/null || true
}

await_url() { # url timeout_s: until it answers 200
  local deadline=$(( $(date +%s) + $2 ))
  while (( $(date +%s) < deadline )); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' -m 2 "$1") == 200 ]] && return 0
    sleep 0.5
  done
  return 1
}

# The suite's Kafka helpers, kafka-tools and the broker's jars (with the PostgreSQL driver).
kafka_java() { as_pg_superuser java -cp "$TARGET/fault-classes:$(java_cp)" "$@"; }
positions() { kafka_java LogPositions "$@"; }

# The live projectors have applied everything in the log.
await_projectors() { positions caught-up "$KAFKA" "${1:-240}" "${LIVE_GROUPS[@]}"; }

redelivered_counter() { # service listener: planwatch_projection_redelivered_total of the running instance
  # Metrics are the operator's.
  curl -s -m 10 -H "Authorization: Bearer $(token planwatch-operator)" "http://localhost:${PORT_OF[$1]}/actuator/prometheus" |
    awk -v l="listener=\"$2\"" 'index($0, "planwatch_projection_redelivered_total{") == 1 && index($0, l) { v = $NF }
      END { printf "%d", v + 0 }'
}

pause_launcher() { (( LAUNCHER_PAUSED )) || { kill -STOP "$LAUNCHER_PID"; LAUNCHER_PAUSED=1; log "launcher (pid $LAUNCHER_PID) paused"; }; }

# Stops the run's stack: first what the suite started in place of the launcher's components (services before the
# broker before PostgreSQL, as the launcher would), the launcher's own then by the launcher (stop_stack).
stop_everything() {
  local s p
  [[ -n $CLIENT_PID ]] && { kill "$CLIENT_PID" 2>/dev/null || true; CLIENT_PID=; }
  stop_replays
  for s in gateway reporting-service programme-service indicator-service auth-server; do
    p=${REPLACED[$s]:-}; [[ -n $p ]] && { stop_pid "$p" 60; unset "REPLACED[$s]"; }
  done
  if [[ -n $LAUNCHER_PID ]]; then
    kill -CONT "$LAUNCHER_PID" 2>/dev/null || true
    LAUNCHER_PAUSED=0
    stop_stack
  fi
  p=${REPLACED[kafka]:-}; [[ -n $p ]] && { stop_pid "$p" 60; unset "REPLACED[kafka]"; }
  p=${REPLACED[postgres]:-}
  if [[ -n $p ]]; then
    # The launcher's pg_ctl stop already stopped the server on our data directory; this is for a launcher that was gone.
    kill -0 "$p" 2>/dev/null && { kill -INT "$p" 2>/dev/null || true; for _ in $(seq 1 120); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done; }
    unset "REPLACED[postgres]"
  fi
}

cleanup() {
  local rc=$?
  stop_everything || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the stack and the stream ---------------------------------------------------------------------------------------

start_run_stack() { # out [instances of each service]
  local replicas=${2:-1} i
  rm -rf "$CURRENT_DATA"
  REPLACED=()
  STREAM_GATEWAYS=$GATEWAY
  for i in $(seq 1 $((replicas - 1))); do STREAM_GATEWAYS+=",http://localhost:$(instance_port gateway "$i")"; done
  STACK_REPLICAS=$replicas own_group start_stack "$CURRENT_DATA" "$1"
  await_healthy 400 "$1"
  log "stack up after $UP_S s"
}

# 6 s of wrk on IND-01 2022 (a period no scenario reports) to warm the JVMs, then 10 s measured: the stream rate is
# capped at 60 % of that closed-loop rate, so that the open-loop stream measures the fault, not an overload.
warm_up() { # dir
  local d
  for d in 6 10; do
    TOKEN=$(token cnipa-reporter) PERF_WRK_DIR=$PERF_DIR/wrk PERIOD=2022 wrk -t2 -c16 -d${d}s --timeout 10s \
      -s "$PERF_DIR/wrk/observe.lua" "$GATEWAY/api/v1/indicators/IND-01/observations" >"$1/warm-up.txt" 2>&1 || true
  done
  WARM_RPS=$(field "$1/warm-up.txt" rps)
  STREAM_RATE=$(awk -v want="$RATE" -v got="${WARM_RPS:-0}" 'BEGIN { cap = int(got * 0.6); print (cap >= 1 && cap < want) ? cap : want }')
  log "warm-up: ${WARM_RPS:-?} reports/s closed loop; stream rate $STREAM_RATE/s (asked: $RATE/s)"
  await_projectors >/dev/null
}

# The stream runs at least PERF_FAULT_SECONDS and until PERF_FAULT_AFTER_RECOVERY seconds after the stack recovered
# (end_stream), so that every fault, however long its recovery, is followed by reports to a recovered stack.
start_stream() { # dir period
  local secret
  secret=$(jq -r '.[] | select(.clientId == "cnipa-reporter") | .clientSecret' "$CURRENT_DATA/dev-clients.json")
  rm -f "$1/stop-stream"
  java -cp "$TARGET/classes" SteadyReports "$STREAM_GATEWAYS" "$ISSUER" cnipa-reporter "$secret" "$STREAM_RATE" 600 \
    "$1/reports.csv" "period=$2" "stop=$1/stop-stream" IND-01=7 IND-02=5 IND-05=11.7 >"$1/client.txt" 2>&1 &
  CLIENT_PID=$!
  STREAM_BEGIN=$(date +%s)
  log "stream: $STREAM_RATE reports/s, period $2 (IND-01, IND-02, IND-05, each report a value of its own)"
  # The client takes a moment to start; the fault is timed from its first reports in the read model.
  for _ in $(seq 1 60); do (( $(observations_in "$2") > 0 )) && break; sleep 0.5; done
}

observations_in() { db count "indicator.observation where period = '$1'" 2>/dev/null || echo 0; }

finish_stream() { # dir
  local until=$(( STREAM_BEGIN + STREAM_SECONDS )) after=$(( $(date +%s) + AFTER_RECOVERY ))
  (( after > until )) && until=$after
  while (( $(date +%s) < until )); do sleep 1; done
  touch "$1/stop-stream"
  wait "$CLIENT_PID" || true
  CLIENT_PID=
  log "client: $(grep PERF_RESULT "$1/client.txt" || echo 'no result')"
}

# --- faults ---------------------------------------------------------------------------------------------------------

# kill -9 one projector inside its window, then start it again as it was.
kill_in_window() { # dir service group table
  local dir=$1 svc=$2 group=$3 table=$4 pid rc=0
  pid=$(pid_of "$svc")
  capture "$pid"
  RESTART_LOG_OFFSET[$svc]=$(stat -c %s "$CURRENT_DATA/logs/$svc.log")
  log "$svc (pid $pid): pausing it until its read model is ahead of group $group's committed offsets"
  kafka_java ProjectorWindow "$KAFKA" "$JDBC" "$pid" "$group" "$INDICATOR_TOPIC" "$table" "$WINDOW_TRIES" 150 \
    "$dir/window-$svc.csv" >"$dir/window-$svc.txt" 2>&1 || rc=$?
  log "$svc: $(grep PERF_RESULT "$dir/window-$svc.txt" || tail -3 "$dir/window-$svc.txt")"
  (( rc == 0 )) || return 1
  for _ in $(seq 1 40); do alive "$pid" || break; sleep 0.25; done
  start_captured "$svc" "$CURRENT_DATA/logs/$svc.log"
  echo "$STARTED_PID" >"$dir/restarted-$svc.pid"
  log "$svc killed inside the window; started again (pid $STARTED_PID) with its command line and environment"
}
declare -A RESTART_LOG_OFFSET=()

# One projector after the other while the stream runs: reporting-service first, because killing indicator-service
# also stops the reports coming in (it takes them), and a projector with nothing to fold has no window to be caught in.
fault_projector() { # dir
  local dir=$1 ok=1 svc
  kill_in_window "$dir" reporting-service reporting-service.national-view reporting.indicator_fact || ok=0
  kill_in_window "$dir" indicator-service indicator-service.observations indicator.observation || ok=0
  for svc in reporting-service indicator-service; do
    [[ -s $dir/restarted-$svc.pid ]] || continue
    REPLACED[$svc]=$(cat "$dir/restarted-$svc.pid")
    await_url "http://localhost:${PORT_OF[$svc]}/actuator/health" 300 || { log "$svc did not come back"; ok=0; }
  done
  log "the restarted projectors answer healthy"
  (( ok ))
}

# After the stream: the window's events were redelivered to the restarted projector and skipped.
prove_projector() { # dir -> sets FAULT_COUNTS, appends to BROKEN
  local dir=$1 svc table listener n once logged counter counts=()
  for svc in reporting-service indicator-service; do
    if [[ $svc == reporting-service ]]; then table=reporting.indicator_fact listener=national-view-indicators
    else table=indicator.observation listener=indicator-observations; fi
    if [[ ! -s $dir/window-$svc.csv ]]; then BROKEN+=("$svc: never caught inside its window"); counts+=("$svc: no window hit in $(field "$dir/window-$svc.txt" tries) tries"); continue; fi
    n=$(lines "$dir/window-$svc.csv")
    db present "$table" "$dir/window-$svc.csv" >"$dir/window-$svc-present.txt" 2>&1 || true
    once=$(field "$dir/window-$svc-present.txt" exactly_once)
    tail -c +$(( ${RESTART_LOG_OFFSET[$svc]} + 1 )) "$CURRENT_DATA/logs/$svc.log" >"$dir/$svc-after-restart.log"
    logged=0
    while IFS=, read -r _ _ id; do
      if grep -q "already applied $id" "$dir/$svc-after-restart.log"; then logged=$((logged + 1)); fi
    done <"$dir/window-$svc.csv"
    counter=$(redelivered_counter "$svc" "$listener")
    counts+=("$svc window $n (tries $(field "$dir/window-$svc.txt" tries)), redelivered+skipped $logged, once $once, counter $counter")
    [[ $once == "$n" ]] || BROKEN+=("$svc: a window event is not in $table exactly once")
    [[ $logged == "$n" ]] || BROKEN+=("$svc: only $logged of $n window events were redelivered and skipped")
    (( counter >= n )) || BROKEN+=("$svc: planwatch_projection_redelivered_total $counter < window $n")
  done
  FAULT_COUNTS=$(IFS=';'; echo "${counts[*]}")
  WINDOW_CELL="$(lines "$dir/window-reporting-service.csv") / $(lines "$dir/window-indicator-service.csv")"
}

fault_redelivery() { # dir
  local dir=$1 pid rc=0
  db revisions "$dir/revisions-before.csv" >/dev/null
  SKIPPED_I_BEFORE=$(redelivered_counter indicator-service indicator-observations)
  log "producing $REDELIVER_COUNT records of $INDICATOR_TOPIC again, byte for byte, some twice, shuffled"
  kafka_java Redeliver "$KAFKA" "$INDICATOR_TOPIC" "$REDELIVER_COUNT" 0.3 "$RANDOM" "$dir/redelivered.csv" \
    >"$dir/redeliver.txt" 2>&1 || rc=$?
  log "$(grep PERF_RESULT "$dir/redeliver.txt" || tail -3 "$dir/redeliver.txt")"
  (( rc == 0 )) || return 1
  pid=$(pid_of reporting-service)
  capture "$pid"
  log "stopping reporting-service (pid $pid) to rewind its group by $REWIND records a partition"
  stop_pid "$pid" 60
  # Everything below the committed offsets was applied: the rewound records are all redeliveries.
  positions committed "$KAFKA" reporting-service.national-view "$INDICATOR_TOPIC" >"$dir/committed-before-rewind.txt"
  # Only the partitions the group has committed on (the stream's three indicators need not cover all of them):
  # ConsumerGroupCommand refuses to shift a partition without a committed offset.
  local partitions
  partitions=$(awk -v t="$INDICATOR_TOPIC-" 'index($1, t) == 1 { p = substr($1, length(t) + 1); s = s (s == "" ? "" : ",") p } END { print s }' \
    "$dir/committed-before-rewind.txt")
  kafka_java org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \
    --bootstrap-server "$KAFKA" --group reporting-service.national-view --topic "$INDICATOR_TOPIC:$partitions" \
    --reset-offsets --shift-by "-$REWIND" --execute >"$dir/rewind.txt" 2>&1 || rc=$?
  (( rc == 0 )) || { log "the rewind failed: $(head -3 "$dir/rewind.txt")"; }
  positions committed "$KAFKA" reporting-service.national-view "$INDICATOR_TOPIC" >"$dir/committed-after-rewind.txt"
  REWOUND=$(( $(field "$dir/committed-before-rewind.txt" committed) - $(field "$dir/committed-after-rewind.txt" committed) ))
  log "group reporting-service.national-view rewound by $REWOUND records on partitions $partitions (ConsumerGroupCommand --shift-by -$REWIND)"
  (( REWOUND > 0 )) || rc=1
  start_captured reporting-service "$CURRENT_DATA/logs/reporting-service.log"
  REPLACED[reporting-service]=$STARTED_PID
  log "reporting-service started again (pid $STARTED_PID) on the rewound group"
  await_url "http://localhost:${PORT_OF[reporting-service]}/actuator/health" 300 || return 1
  return "$rc"
}

prove_redelivery() { # dir
  local dir=$1 once n f copies skipped_r skipped_i
  n=$(lines "$dir/redelivered.csv")
  for f in observation:indicator.observation fact:reporting.indicator_fact; do
    db present "${f#*:}" "$dir/redelivered.csv" >"$dir/redelivered-present-${f%%:*}.txt" 2>&1 || true
    once=$(field "$dir/redelivered-present-${f%%:*}.txt" exactly_once)
    [[ $once == "$n" ]] || BROKEN+=("a redelivered event is not exactly once in ${f#*:} ($once of $n)")
  done
  db revisions-unchanged "$dir/revisions-before.csv" >"$dir/revisions-unchanged.txt" 2>&1 ||
    BROKEN+=("revisions or current flags changed by the redeliveries: $(field "$dir/revisions-unchanged.txt" changed) rows")
  copies=$(field "$dir/redeliver.txt" copies_produced)
  skipped_r=$(redelivered_counter reporting-service national-view-indicators)
  skipped_i=$(( $(redelivered_counter indicator-service indicator-observations) - SKIPPED_I_BEFORE ))
  # indicator-service ran throughout: it skipped exactly the copies. reporting-service restarted on the rewound group:
  # it skipped at least every rewound record (and the copies it had not yet read before it stopped).
  [[ $skipped_i == "$copies" ]] || BROKEN+=("indicator-service skipped $skipped_i redeliveries, not the $copies copies")
  (( skipped_r >= REWOUND )) || BROKEN+=("reporting-service skipped $skipped_r redeliveries, fewer than the $REWOUND rewound records")
  FAULT_COUNTS="picked $n events, produced $copies copies, rewound $REWOUND records; skipped: indicator-service $skipped_i, restarted reporting-service $skipped_r; revisions unchanged in $(field "$dir/revisions-unchanged.txt" revisions_unchanged) rows, current flags in $(field "$dir/revisions-unchanged.txt" current_flags_unchanged) (the others' periods got newer reports)"
  WINDOW_CELL="$copies+$REWOUND / $skipped_r / $skipped_i"
}

fault_postgres() { # dir
  local dir=$1 pm
  pm=$(pid_of postgres)
  capture "$pm"
  eval "CAP_CMD=($(cat "$CURRENT_DATA/postgres/postmaster.opts"))"
  # PostgreSQL refuses to run as root; zonky runs it in a user namespace of its own (unshare -U) when it is root.
  if (( EUID == 0 )) && command -v unshare >/dev/null; then CAP_CMD=(unshare -U "${CAP_CMD[@]}"); fi
  # pg_ctl stop -m immediate sends the postmaster SIGQUIT; pg_ctl itself refuses to run as root, so send it ourselves.
  log "stopping PostgreSQL (postmaster $pm) abruptly: SIGQUIT, an immediate shutdown (no checkpoint; crash recovery at the next start)"
  kill -QUIT "$pm"
  KILLED_AT=$(date +%s%N)
  for _ in $(seq 1 120); do alive "$pm" || break; sleep 0.25; done
  alive "$pm" && { log "the postmaster did not exit"; return 1; }
  sleep "$DOWN_SECONDS"
  start_captured postgres "$CURRENT_DATA/logs/postgres.log"
  REPLACED[postgres]=$STARTED_PID
  local up=0
  for _ in $(seq 1 120); do db exec "select 1" >/dev/null 2>&1 && { up=1; break; }; sleep 0.5; done
  (( up )) || { log "PostgreSQL did not come back (see $CURRENT_DATA/logs/postgres.log)"; return 1; }
  RECOVERY="PostgreSQL down $DOWN_SECONDS s (immediate shutdown), accepting connections again $(elapsed_s "$KILLED_AT") s after the stop"
  log "$RECOVERY (postmaster $STARTED_PID, with the command line of postmaster.opts)"
}

fault_broker() { # dir
  local dir=$1 pid
  pid=$(pid_of kafka)
  capture "$pid"
  [[ ${CAP_CMD[*]} == *kafka.Kafka* && ${CAP_CMD[*]} == *"$CURRENT_DATA"* ]] || { log "pid $pid is not our broker"; return 1; }
  log "killing the broker (pid $pid) with SIGKILL"
  kill -KILL "$pid"
  KILLED_AT=$(date +%s%N)
  sleep "$DOWN_SECONDS"
  start_captured kafka "$CURRENT_DATA/logs/kafka.log"
  REPLACED[kafka]=$STARTED_PID
  local up=0
  for _ in $(seq 1 480); do (exec 3<>"/dev/tcp/localhost/${KAFKA##*:}") 2>/dev/null && { up=1; break; }; sleep 0.25; done
  (( up )) || { log "the broker did not come back"; return 1; }
  RECOVERY="broker restarted $DOWN_SECONDS s after the kill, listening again $(elapsed_s "$KILLED_AT") s after it"
  log "$RECOVERY"
}

fault_stack() { # dir
  local dir=$1 pid rc=0
  pid=$(pid_of kafka)
  log "killing the broker (pid $pid) with SIGKILL; the launcher (pid $LAUNCHER_PID) reacts as under run.sh"
  kill -KILL "$pid"
  KILLED_AT=$(date +%s%N)
  for _ in $(seq 1 480); do kill -0 "$LAUNCHER_PID" 2>/dev/null || break; sleep 0.25; done
  wait "$LAUNCHER_PID" || rc=$?
  LAUNCHER_PID=
  log "the launcher stopped the stack and exited (code $rc) $(elapsed_s "$KILLED_AT") s after the kill; starting it again"
  own_group start_stack "$CURRENT_DATA" "$dir/launcher-restart.out"
  await_healthy 400 "$dir/launcher-restart.out" || return 1
  RECOVERY="launcher stopped the stack (exit $rc); started again by the suite, up $(elapsed_s "$KILLED_AT") s after the kill"
  log "$RECOVERY"
}

# --- faults with several instances ---------------------------------------------------------------------------------

# Instance I (0-based) of a component listens on its port + 10·I.
instance_port() { echo $(( ${PORT_OF[$1]} + 10 * $2 )); }
pid_listening_on() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
ready() { [[ $(curl -s -o /dev/null -w '%{http_code}' -m 2 "http://localhost:$1/actuator/health/readiness") == 200 ]]; }

# Waits until the instance on PORT answers ready from a process other than OLD_PID; prints the seconds it took.
await_replaced() { # port old_pid timeout_s since_ns
  local deadline=$(( $(date +%s) + $3 )) p
  while (( $(date +%s) < deadline )); do
    p=$(pid_listening_on "$1")
    if [[ -n $p && $p != "$2" ]] && ready "$1"; then elapsed_s "$4"; return 0; fi
    sleep 0.5
  done
  return 1
}

fault_instances() { # dir
  local dir=$1 c i port pid at pids=() ports=() kills=() back=() n=0
  for c in $(printf '%s\n' indicator-service programme-service reporting-service gateway | shuf); do
    sleep "$(shuf -i 2-6 -n 1)"
    i=$(shuf -i 0-$((REPLICAS - 1)) -n 1)
    port=$(instance_port "$c" "$i")
    pid=$(pid_listening_on "$port")
    [[ -n $pid ]] || { log "no $c instance listens on $port"; return 1; }
    kill -KILL "$pid"
    at=$(date +%s%N)
    log "killed $c instance $i (pid $pid, port $port) with SIGKILL"
    pids+=("$pid") ports+=("$port") kills+=("$at") back+=("$c#$i")
  done
  for n in "${!ports[@]}"; do
    local took
    took=$(await_replaced "${ports[$n]}" "${pids[$n]}" 240 "${kills[$n]}") ||
      { log "${back[$n]} was not started again"; return 1; }
    back[$n]="${back[$n]} back ready $took s after its kill"
  done
  RECOVERY="kill -9 of $(IFS=,; echo "${back[*]%% back*}"); $(IFS=';'; echo "${back[*]}") (the launcher started each again)"
  log "$RECOVERY"
}

fault_rolling() { # dir
  local dir=$1 c i before=() after=() at changed=0 total=0
  for c in indicator-service programme-service reporting-service gateway; do
    for i in $(seq 0 $((REPLICAS - 1))); do before+=("$c#$i=$(pid_listening_on "$(instance_port "$c" "$i")")"); done
  done
  at=$(date +%s%N)
  log "rolling restart of every instance, asked of the launcher (pid $LAUNCHER_PID)"
  rolling_restart >"$dir/rolling-restart.txt" 2>&1 || { log "the rolling restart failed: $(tail -3 "$dir/rolling-restart.txt")"; return 1; }
  local entry port old
  for entry in "${before[@]}"; do
    c=${entry%%#*} i=${entry#*#}; i=${i%%=*} old=${entry##*=}
    port=$(instance_port "$c" "$i")
    total=$((total + 1))
    await_replaced "$port" "$old" 300 "$at" >/dev/null && changed=$((changed + 1))
  done
  RECOVERY="rolling restart: $changed of $total instances replaced and ready, $(elapsed_s "$at") s in all"
  log "$RECOVERY"
  (( changed == total ))
}

# What ./run.sh restart does: asks the running launcher to restart its instances one at a time.
rolling_restart() { touch "$CURRENT_DATA/restart-request"; }

rebuild_state() { # read model -> state of its last rebuild (the operators' API through the gateway)
  curl -s -m 10 -H "Authorization: Bearer $(token planwatch-operator)" "$GATEWAY/api/v1/ops/projections/$1" |
    jq -r '.state // "?"'
}

fault_rebuild() { # dir
  local dir=$1 m at code state results=() ok=1
  for m in "${REBUILT_READ_MODELS[@]}"; do
    at=$(date +%s%N)
    code=$(curl -s -o "$dir/rebuild-$m.json" -w '%{http_code}' -m 30 -X POST \
      -H "Authorization: Bearer $(token planwatch-operator)" "$GATEWAY/api/v1/ops/projections/$m/rebuild")
    [[ $code == 202 ]] || { log "rebuild of $m refused: $code $(head -c 300 "$dir/rebuild-$m.json")"; results+=("$m: refused $code"); ok=0; continue; }
    state=RUNNING
    for _ in $(seq 1 600); do
      state=$(rebuild_state "$m")
      [[ $state == SWAPPED || $state == FAILED ]] && break
      sleep 1
    done
    curl -s -m 10 -H "Authorization: Bearer $(token planwatch-operator)" "$GATEWAY/api/v1/ops/projections/$m" >"$dir/rebuild-$m-status.json"
    log "rebuild of $m: $state after $(elapsed_s "$at") s ($(jq -c '{replayed, skippedDeadLettered, target, error}' "$dir/rebuild-$m-status.json" 2>/dev/null))"
    results+=("$m $state in $(elapsed_s "$at") s")
    [[ $state == SWAPPED ]] || ok=0
  done
  RECOVERY="rebuilt while serving: $(IFS=';'; echo "${results[*]}")"
  (( ok ))
}

# --- the clean replay -----------------------------------------------------------------------------------------------

stop_replays() {
  local p
  for p in "${REPLAY_PIDS[@]}"; do stop_pid "$p" 30; done
  REPLAY_PIDS=()
}

# Replays the whole log into a fresh database with a second indicator-service and reporting-service: started as soon
# as the stream has ended (the log is then complete), while the live projectors settle.
start_replay() { # dir tag
  local dir=$1 tag=$2 svc port
  REPLAY_DATABASE="planwatch_replay_$2"
  REPLAY_URL="jdbc:postgresql://localhost:$PG_PORT/$REPLAY_DATABASE"
  db exec "drop database if exists $REPLAY_DATABASE" >/dev/null
  db exec "create database $REPLAY_DATABASE" >/dev/null
  # Each replaying service migrates its own schema as its own role, as in the live database.
  as_pg_superuser java -cp "$TARGET/classes:$(pg_jar)" Db "$REPLAY_URL" exec \
    "create schema indicator authorization indicator_service" >/dev/null
  as_pg_superuser java -cp "$TARGET/classes:$(pg_jar)" Db "$REPLAY_URL" exec \
    "create schema reporting authorization reporting_service" >/dev/null
  port=$REPLAY_PORT
  for svc in indicator-service reporting-service; do
    if (exec 3<>"/dev/tcp/localhost/$port") 2>/dev/null; then log "port $port is taken: no replay"; return 1; fi
    capture "$(pid_of "$svc")"
    local extra=("--server.port=$port" "--spring.datasource.url=$REPLAY_URL"
                 "--spring.kafka.consumer.group-id=replay-$tag-$svc")
    [[ $svc == reporting-service ]] && extra+=("--planwatch.dead-letters.group-id=replay-$tag-dead-letters")
    start_captured "$svc" "$dir/replay-$svc.log" "${extra[@]}"
    REPLAY_PIDS+=("$STARTED_PID")
    port=$((port + 1))
  done
  REPLAY_BEGIN=$(date +%s%N)
  log "replaying the whole log into $REPLAY_DATABASE: indicator-service on $REPLAY_PORT, reporting-service on $((REPLAY_PORT + 1))"
}

# Once the replay has caught up with the log: every read-model table row for row, and the national views. Sets
# REPLAY_EQUAL and TOTALS_EQUAL; stops the replay instances and drops their database.
finish_replay() { # dir tag
  local dir=$1 tag=$2 port groups=() rc p
  REPLAY_EQUAL=no TOTALS_EQUAL=no
  for port in "$REPLAY_PORT" $((REPLAY_PORT + 1)); do
    await_url "http://localhost:$port/actuator/health" 300 || { log "a replay instance did not start (see $dir/replay-*.log)"; return 1; }
  done
  for p in "${REPLAY_PIDS[@]}"; do alive "$p" || { log "a replay instance exited (see $dir/replay-*.log)"; return 1; }; done
  groups=("replay-$tag-indicator-service=$INDICATOR_TOPIC+$QUARTERLY_TOPIC"
          "replay-$tag-reporting-service=$INDICATOR_TOPIC+$PROGRAMME_TOPIC+$QUARTERLY_TOPIC"
          "replay-$tag-dead-letters=$INDICATOR_TOPIC.dlt+$PROGRAMME_TOPIC.dlt+$QUARTERLY_TOPIC.dlt")
  positions caught-up "$KAFKA" 300 "${groups[@]}" >"$dir/replay-caught-up.txt" || { log "the replay did not catch up"; return 1; }
  REPLAY_S=$(elapsed_s "$REPLAY_BEGIN")
  log "the replay caught up with the log ${REPLAY_S} s after its start"
  rc=0; db compare "$REPLAY_URL" >"$dir/compare.txt" 2>&1 || rc=$?
  grep -v PERF_RESULT "$dir/compare.txt" | sed 's/^/  /' >&2 || true
  REPLAY_EQUAL=$(field "$dir/compare.txt" replay_equal)
  rc=0
  kafka_java NationalTotals "$GATEWAY" "$(token cnipa-lead)" "$JDBC" "http://localhost:$((REPLAY_PORT + 1))" \
    >"$dir/totals.txt" 2>&1 || rc=$?
  grep -v PERF_RESULT "$dir/totals.txt" | sed 's/^/  /' >&2 || true
  TOTALS_EQUAL=$(field "$dir/totals.txt" totals_equal)
  stop_replays
  db exec "drop database if exists $REPLAY_DATABASE" >/dev/null || true
}

# --- one scenario ---------------------------------------------------------------------------------------------------

# An awk condition on an outcome kind ($1 of "kind×count"): answers whose outcome the client cannot know.
UNKNOWN_OUTCOME='$1 ~ /^502(:service-failed)?$/ || $1 == "504:event-log-unconfirmed" || $1 ~ /^no-answer:/ && $1 !~ /Timeout/'

run_scenario() { # run scenario
  local run=$1 scenario=$2 dir=$SUITE/run-$1/$2 period=${PERIOD_OF[$2]} fault_rc=0 begin
  mkdir -p "$dir"
  begin=$(date +%s)
  BROKEN=() FAULT_COUNTS= WINDOW_CELL=- RECOVERY= REPLAY_EQUAL=- TOTALS_EQUAL=-
  LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
  log "run $run, scenario $scenario"
  start_stream "$dir" "$period"
  sleep "$FAULT_AFTER"
  "fault_$scenario" "$dir" || fault_rc=$?
  (( fault_rc == 0 )) || BROKEN+=("the fault could not be injected or recovered from (see $dir)")
  finish_stream "$dir"
  settle_unknown "$dir" "$period"
  local replaying=1
  start_replay "$dir" "r${run}_$scenario" || replaying=0
  log "waiting for the live projectors to catch up with the log"
  await_projectors 300 >"$dir/settle.txt" || BROKEN+=("the live projectors did not catch up: $(cat "$dir/settle.txt")")
  db check "$dir/settled.csv" "$period" >"$dir/check.txt" 2>"$dir/check-examples.txt" || true
  # Which settled reports the resend appended, and which had reached the log already (their copy folded once).
  kafka_java LogCopies "$KAFKA" "$INDICATOR_TOPIC" "$dir/settled.csv" >"$dir/log-copies.txt" 2>&1 ||
    BROKEN+=("a report settled with a 202 is not in the log (see $dir/log-copies.txt)")
  sed 's/^/  /' "$dir/check-examples.txt" >&2
  case "$scenario" in
    projector) prove_projector "$dir" ;;
    redelivery) prove_redelivery "$dir" ;;
    *) FAULT_COUNTS=$RECOVERY ;;
  esac
  if (( replaying )); then finish_replay "$dir" "r${run}_$scenario" || BROKEN+=("the clean replay could not be made (see $dir)")
  else BROKEN+=("the clean replay could not be started (see $dir)"); fi
  stop_replays
  judge "$run" "$scenario" "$dir" "$(( $(date +%s) - begin ))"
}

# A client's answer to an unknown outcome: the same report again under the same Idempotency-Key, until it is settled.
settle_unknown() { # dir period
  local secret
  secret=$(jq -r '.[] | select(.clientId == "cnipa-reporter") | .clientSecret' "$CURRENT_DATA/dev-clients.json")
  java -cp "$TARGET/classes" SteadyReports settle "$STREAM_GATEWAYS" "$ISSUER" cnipa-reporter "$secret" "$1/reports.csv" \
    "$1/settled.csv" "period=$2" >"$1/resends.txt" 2>&1 || BROKEN+=("the unknown outcomes could not be resent (see $1/resends.txt)")
  log "unknown outcomes resent under their keys: $(grep PERF_RESULT "$1/resends.txt" | cut -d' ' -f2-)"
}

# The invariants, one verdict per scenario run; appends a row to the summary.
judge() { # run scenario dir seconds
  local run=$1 scenario=$2 dir=$3 C=$3/client.txt K=$3/check.txt R=$3/resends.txt t accepted s503 s503ra others
  # The 202s of the stream and of the resends that settled its unknown outcomes.
  accepted=$(field "$R" accepted_total) s503=$(field "$C" status_503) s503ra=$(field "$C" status_503_with_retry_after)
  [[ -n $accepted ]] || BROKEN+=("the stream gave no result")
  [[ $(field "$R" still_unknown) == 0 ]] || BROKEN+=("outcomes still unknown after resending under the same key: $(field "$R" still_unknown)")
  for t in observation indicator_fact; do
    [[ $(field "$K" "${t}_present") == "$accepted" && $(field "$K" "${t}_missing") == 0 ]] || BROKEN+=("a 202 is missing from $t")
    [[ $(field "$K" "${t}_duplicated") == 0 ]] || BROKEN+=("reports recorded twice in $t")
    [[ $(field "$K" "${t}_stray") == 0 ]] || BROKEN+=("rows in $t that no report explains")
    [[ $(field "$K" "${t}_refused_but_recorded") == 0 ]] || BROKEN+=("refused reports recorded in $t")
  done
  [[ $s503 == "$s503ra" ]] || BROKEN+=("a 503 without Retry-After")
  [[ $(field "$C" not_problem_json) == 0 ]] || BROKEN+=("a refusal that is not application/problem+json")
  # Outcomes other than 202, 4xx, 503 and the honest "outcome unknown" answers are breaches: 500s, a gateway's 504
  # (service-timeout), no answer within 30 s (hangs). Unknown outcomes: 502 service-failed (a service killed before its
  # answer began), a connection closed under the client (killed during its answer), 504 event-log-unconfirmed (a
  # record in flight when the broker died, which may be in the log without an acknowledgement).
  others=$(field "$C" outcomes | tr ';' '\n' | awk -F'×' "$UNKNOWN_OUTCOME"' { next } $1 != 202 && $1 != 503 && $1 !~ /^4[0-9][0-9]$/ { printf "%s%s×%s", sep, $1, $2; sep = "," }')
  [[ -z $others ]] || BROKEN+=("answers that are neither 202 nor a refusal: $others")
  [[ $scenario != broker && $scenario != stack ]] || (( ${s503:-0} > 0 )) || BROKEN+=("no 503 while the broker was down")
  [[ $REPLAY_EQUAL == yes ]] || BROKEN+=("a read model differs from its clean replay")
  [[ $TOTALS_EQUAL == yes ]] || BROKEN+=("the national view does not add up")
  local verdict=PASS; (( ${#BROKEN[@]} == 0 )) || verdict=FAIL
  local unknown; unknown=$(field "$C" outcomes | tr ';' '\n' | awk -F'×' "$UNKNOWN_OUTCOME"' { n += $2 } END { print n + 0 }')
  num() { local v; v=$(field "$K" "$1"); echo "${v:-0}"; }
  # run, scenario, rate, sent, 202, 503/Retry-After, unknown, present, missing, duplicated+stray, window or redelivered,
  # replay equal, totals equal, verdict, seconds, load, details
  printf '%s\t%s\t%s/s\t%s\t%s\t%s/%s\t%s\t%s / %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$scenario" \
    "$STREAM_RATE" "$(field "$C" sent)" "$(field "$C" accepted) + $(field "$R" settled_accepted)" "$s503" "$s503ra" \
    "$unknown → $(field "$R" settled_accepted) × 202, $(field "$R" settled_refused) refused, $(field "$R" still_unknown) unknown" \
    "$(field "$K" observation_present)" "$(field "$K" indicator_fact_present)" \
    "$(( $(num observation_missing) + $(num indicator_fact_missing) ))" \
    "$(( $(num observation_duplicated) + $(num indicator_fact_duplicated) + $(num observation_stray) + $(num indicator_fact_stray) ))" \
    "$WINDOW_CELL" "$REPLAY_EQUAL" "$TOTALS_EQUAL" "$verdict" "$4" "$LOAD_BEFORE" \
    "$(field "$C" outcomes); unknown outcomes resent under their Idempotency-Key: $(field "$R" first_answers) → $(field "$R" settled_accepted) × 202 in $(field "$R" resends) resends, $(field "$3/log-copies.txt" first_attempt_in_the_log_too) of them already in the log from the first attempt (the resend's copy folded once); $FAULT_COUNTS$( (( ${#BROKEN[@]} )) && printf '; BROKEN: %s' "$(IFS='|'; echo "${BROKEN[*]}")")" >>"$SUMMARY"
  log "run $run, $scenario: $verdict in $4 s${BROKEN[*]:+ — ${BROKEN[*]}}"
}

# --- the suite ------------------------------------------------------------------------------------------------------

# All of it in one function, called from the last line: bash reads a script as it runs it, so an edit made to this file
# meanwhile cannot change a suite already running.
main() {

ensure_debian_package jq jq
ensure_debian_package wrk wrk
ensure_built
ensure_kafka_tools
snapshot_stack
compile_helpers
mkdir -p "$TARGET/fault-classes"
javac -nowarn -cp "$(java_cp):$(pg_jar)" -d "$TARGET/fault-classes" "$PERF_DIR"/java/fault/*.java
rm -rf "$SUITE"
mkdir -p "$SUITE"
SUITE_BEGIN=$(date +%s)
SUITE_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
# The code the suite ran: taken at its start (the jars were built from the working tree).
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs/fault-suite.md' || echo "+uncommitted changes")

SUPERVISED=() REPLICATED=()
for s in "${SCENARIOS[@]}"; do
  if [[ $REPLICATED_SCENARIOS == *" $s "* ]]; then REPLICATED+=("$s"); elif [[ $s != stack ]]; then SUPERVISED+=("$s"); fi
done
for run in $(seq 1 "$RUNS"); do
  mkdir -p "$SUITE/run-$run"
  if (( ${#SUPERVISED[@]} )); then
    start_run_stack "$SUITE/run-$run/launcher.out"
    warm_up "$SUITE/run-$run"
    pause_launcher
    for s in "${SUPERVISED[@]}"; do run_scenario "$run" "$s"; done
    stop_everything
  fi
  if (( ${#REPLICATED[@]} )); then
    mkdir -p "$SUITE/run-$run/replicated"
    start_run_stack "$SUITE/run-$run/replicated/launcher.out" "$REPLICAS"
    warm_up "$SUITE/run-$run/replicated"
    for s in "${REPLICATED[@]}"; do run_scenario "$run" "$s"; done
    stop_everything
  fi
  if [[ " ${SCENARIOS[*]} " == *" stack "* ]]; then
    mkdir -p "$SUITE/run-$run/stack"
    start_run_stack "$SUITE/run-$run/stack/launcher.out"
    warm_up "$SUITE/run-$run/stack"
    run_scenario "$run" stack
    stop_everything
  fi
done
SUITE_S=$(( $(date +%s) - SUITE_BEGIN ))

# --- the report -----------------------------------------------------------------------------------------------------

table() {
  echo "| run | scenario | rate | sent | acknowledged (202 + 202 on resending) | 503 / with Retry-After | outcome unknown (502, 504 unconfirmed, connection closed) → settled by resending under the same key | present: observation / indicator_fact | missing | duplicated or stray | in the window (reporting / indicator) · redelivered (copies+rewound / skipped by reporting / by indicator) | replay equal | totals equal | verdict | seconds | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | **%s** | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16 }' "$SUMMARY"
}
details() {
  awk -F'\t' '{ printf "- run %s, %s: %s\n", $1, $2, $17 }' "$SUMMARY"
}
FAILED=$(awk -F'\t' '$14 != "PASS"' "$SUMMARY" | wc -l)
echo
echo "PlanWatch fault suite: $RUNS run(s) × ${SCENARIOS[*]} in $((SUITE_S / 60)) min $((SUITE_S % 60)) s; commit $COMMIT;"
echo "$(date -u +%FT%TZ); $(nproc) cores, load average at the start $SUITE_LOAD, now $(cut -d' ' -f1-3 /proc/loadavg)"
echo
table
echo
details
echo
if (( FAILED )); then echo "$FAILED scenario run(s) broke an invariant"; else echo "every invariant held in every run"; fi

if [[ -n $DOC ]]; then
  LAST=$SUITE/run-$RUNS
  {
    echo "# Fault suite"
    echo
    echo "The fault suite, as last run: \`perf/fault-suite.sh --runs $RUNS ${SCENARIOS[*]}\` with PERF_PORT_OFFSET=$OFFSET,"
    echo "a stream of reports at $RATE/s asked (lowered in a run whose warm-up showed less headroom: see the rate column), at least"
    echo "$STREAM_SECONDS s per scenario and until $AFTER_RECOVERY s after the stack recovered; fault $FAULT_AFTER s into the stream; broker and"
    echo "PostgreSQL down $DOWN_SECONDS s. Commit \`$COMMIT\`, $(date -u +%FT%TZ), $(nproc) cores ($(uname -m)), shared with other work:"
    echo "load average $SUITE_LOAD at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end. Took $((SUITE_S / 60)) min $((SUITE_S % 60)) s."
    echo
    echo "Each scenario runs under a steady stream of indicator reports through the gateway; afterwards the same invariants"
    echo "are checked (see the header of \`perf/fault-suite.sh\` and \`perf/README.md\`):"
    echo
    echo "1. every 202's eventId is in \`indicator.observation\` and \`reporting.indicator_fact\` exactly once; nothing"
    echo "   refused (4xx, 503) is recorded; no report is recorded twice; no row of the stream's period is unexplained;"
    echo "2. every refusal is problem+json, every 503 has Retry-After; no 500, no gateway 504, no hang (no answer in 30 s)."
    echo "   Answers that honestly say the outcome is unknown are counted, not breaches: 502 service-failed (a service"
    echo "   killed before its answer began), a connection closed under the client (killed during its answer), 504"
    echo "   event-log-unconfirmed (a record in flight when the broker died: it may be in the log unacknowledged)."
    echo "   Each is then settled as the API tells a client to: sent again under the report's own Idempotency-Key"
    echo "   (waiting out 409 while the first attempt's claim may be in flight, and 503) until it is a 202 or a"
    echo "   refusal; none may stay unknown, and the 202s so settled are held to invariant 1 like the others. The"
    echo "   log is then scanned for their event ids: how many first attempts had reached it after all (LogCopies);"
    echo "3. each read model equals a clean replay of the whole log into a fresh database (every table, row for row);"
    echo "4. the national view adds up: indicator series and latest values = the current facts, the two read models"
    echo "   agree, events applied = fact rows, compliance overall = Σ agencies = Σ quarters, rates = their ratios,"
    echo "   programme lines = the lead's latest report, and the replay's view = the live view. The stream carries"
    echo "   indicator reports only: no programme progress or quarterly update is reported, so the compliance and"
    echo "   programme checks hold trivially (every cell OVERDUE, every programme NOT_REPORTED)."
    echo
    echo "$(if (( FAILED )); then echo "**$FAILED scenario run(s) broke an invariant.**"; else echo "**Every invariant held in every run.**"; fi)"
    echo
    table
    echo
    echo "Outcomes and fault details:"
    echo
    details
    echo
    echo "Tables compared with the clean replay in run $RUNS (rows live / replay):"
    echo
    for d in "$LAST"/*/; do
      [[ -f $d/compare.txt ]] || continue
      echo "- $(basename "$d"):"
      grep -v PERF_RESULT "$d/compare.txt" | sed 's/^ */  - /'
    done
    echo
    echo "National-view checks in run $RUNS:"
    echo
    for d in "$LAST"/*/; do
      [[ -f $d/totals.txt ]] || continue
      echo "- $(basename "$d"):"
      grep -v PERF_RESULT "$d/totals.txt" | sed 's/^ */  - /'
    done
  } >"$DOC"
  log "wrote $DOC"
fi
(( FAILED == 0 ))
}

main "$@"; exit $?
