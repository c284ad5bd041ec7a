# Shared by perf/run-benchmarks.sh and perf/fault-suite.sh: a private copy of the built stack, starting and stopping
# it, finding its processes, tokens, and parsing PERF_RESULT lines. Source it from the repository root.
# Everything it starts is recorded by pid and stopped by pid; nothing is ever matched by a broad name.

PERF_DIR=$PWD/perf
TARGET=$PERF_DIR/target
OFFSET=${PERF_PORT_OFFSET:-300}
case "$OFFSET" in
  0|100) echo "PERF_PORT_OFFSET=$OFFSET is reserved (0: a developer's stack, 100: the lead's end-to-end test)" >&2
         exit 2 ;;
esac
GATEWAY=http://localhost:$((8080 + OFFSET))
INDICATOR=http://localhost:$((8081 + OFFSET))
ISSUER=http://localhost:$((9000 + OFFSET))
KAFKA=localhost:$((19092 + OFFSET))
JDBC=jdbc:postgresql://localhost:$((15432 + OFFSET))/planwatch
SERVICES=(auth-server indicator-service programme-service reporting-service gateway)
CLK_TCK=$(getconf CLK_TCK)
# The warm-up is over when the JIT compilers take less than this per cent of the stack's CPU (warm_until_steady).
JIT_SETTLED=${PERF_JIT_SETTLED:-5}

log() { printf '[perf %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- tools ----------------------------------------------------------------------------------------------------------

ensure_debian_package() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2 (apt-get)"
  apt-get install -y -q "$2" >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$2" >/dev/null; }
}

# The product's jars, built if missing or stale (a concurrent build can break one attempt: retry once).
ensure_built() {
  local s jar jars=(launcher/target/launcher.jar) stale=0
  for s in "${SERVICES[@]}"; do jars+=("$s/target/$s.jar"); done
  # A jar missing, or older than any source or pom, would measure other code than the commit the report names.
  for jar in "${jars[@]}"; do
    [[ -f $jar && -z $(find pom.xml */pom.xml */src/main -newer "$jar" -type f -print -quit 2>/dev/null) ]] || stale=1
  done
  if (( stale )); then
    # Not the generated client: it is generated from the description a whole-stack test writes, and the stack needs
    # nothing of it.
    log "building the product from the working tree (./mvnw -q -B -DskipTests package -pl '!generated-client')"
    { ./mvnw -q -B -DskipTests package -pl '!generated-client' ||
        { log "build failed; retrying once"; ./mvnw -q -B -DskipTests package -pl '!generated-client'; }; } &&
      touch "${jars[@]}" # Maven leaves an up-to-date jar as it was: all are current as of this build
  fi
}

# Kafka's own performance tools: kafka-tools from Maven Central; its dependencies are the broker's, in launcher/target/lib.
ensure_kafka_tools() {
  [[ -f $TARGET/lib/kafka-tools-4.1.2.jar ]] && return 0
  log "fetching org.apache.kafka:kafka-tools:4.1.2"
  ./mvnw -q -B dependency:copy -Dartifact=org.apache.kafka:kafka-tools:4.1.2 -DoutputDirectory="$TARGET/lib"
}

# Other engineers rebuild the jars while we measure; a jar replaced under a running JVM breaks it (NoClassDefFoundError).
# So the stack runs from a private copy: the launcher takes the service jars from <working dir>/<service>/target/ and its
# lib/ from beside launcher.jar, and nothing else from the working directory.
snapshot_stack() {
  local root=$TARGET/stack
  rm -rf "$root"
  mkdir -p "$root/launcher/target"
  cp -p launcher/target/launcher.jar "$root/launcher/target/"
  cp -rp launcher/target/lib "$root/launcher/target/lib"
  for s in "${SERVICES[@]}"; do
    mkdir -p "$root/$s/target"
    cp -p "$s/target/$s.jar" "$root/$s/target/"
  done
  STACK_ROOT=$root
  JAR_DATES=$(cd "$root" && for j in launcher/target/launcher.jar "${SERVICES[@]/%/.jar}"; do
    [[ $j == *.jar && -f $j ]] || j=${j%.jar}/target/$j
    printf '%s %s' "$(basename "$j" .jar)" "$(date -u -r "$j" +%H:%M:%SZ)"; [[ $j == */gateway.jar ]] || printf ', '; done)
}

java_cp() { # the kafka tools and the broker's jars
  echo "$TARGET/lib/*:$STACK_ROOT/launcher/target/lib/*"
}
pg_jar() { ls "$STACK_ROOT"/launcher/target/lib/postgresql-*.jar | head -1; }
# The helpers, compiled once (a source-file launch costs seconds of compilation per call on a loaded machine).
compile_helpers() {
  rm -rf "$TARGET/classes"
  mkdir -p "$TARGET/classes"
  javac -nowarn -cp "$(pg_jar)" -d "$TARGET/classes" "$PERF_DIR"/java/*.java
}
# The helpers inspect the read models as the embedded PostgreSQL's superuser (the services use their own roles); its
# password is the one the launcher generated into the data directory on its first start.
pg_superuser_password() { sed -n 's/^postgres=//p' "$CURRENT_DATA/database-passwords.properties" 2>/dev/null; }
as_pg_superuser() { env "PLANWATCH_PG_SUPERUSER_PASSWORD=$(pg_superuser_password)" "$@"; }
db() { as_pg_superuser java -cp "$TARGET/classes:$(pg_jar)" Db "$JDBC" "$@"; }
helper() { local main=$1; shift; java -cp "$TARGET/classes" "$main" "$@"; }

# load_settings DURATION WARM_WINDOWS: the load a benchmark puts on the stack, from its environment (PERF_DURATION,
# PERF_CONNECTIONS, PERF_WARM_WINDOWS) with these defaults: s per wrk run, 16 connections over 2 threads, at most
# WARM_WINDOWS windows of warm-up.
load_settings() {
  DURATION=${PERF_DURATION:-$1}
  CONNS=${PERF_CONNECTIONS:-16}
  THREADS=2
  WARM_WINDOWS=${PERF_WARM_WINDOWS:-$2}
}

# --- the stack ------------------------------------------------------------------------------------------------------

LAUNCHER_PID=

# start_stack DATA_DIR LOG: starts the launcher in the background; sets LAUNCHER_PID and STARTED_NS.
start_stack() {
  local data=$1 out=$2
  STARTED_NS=$(date +%s%N)
  ( cd "$STACK_ROOT" && exec env PLANWATCH_DATA="$data" PLANWATCH_PORT_OFFSET="$OFFSET" \
      PLANWATCH_REPLICAS="${STACK_REPLICAS:-1}" \
      PLANWATCH_GATEWAY_RATE_LIMIT_CAPACITY="${PERF_RATE_LIMIT_CAPACITY:-1000000}" \
      PLANWATCH_GATEWAY_RATE_LIMIT_REFILL_PER_SECOND="${PERF_RATE_LIMIT_REFILL:-1000000}" \
      java -jar launcher/target/launcher.jar ) >>"$out" 2>&1 &
  LAUNCHER_PID=$!
  log "launcher started (pid $LAUNCHER_PID, data $data, port offset $OFFSET, ${STACK_REPLICAS:-1} instance(s) of each service)"
}

# await_healthy TIMEOUT_S LOG: waits for the gateway's /actuator/health (sets HEALTHY_S) and then the launcher's
# "PlanWatch is up" banner, printed after its warm-up through the gateway (sets UP_S).
await_healthy() {
  local timeout=$1 out=$2 deadline=$(( $(date +%s) + $1 ))
  HEALTHY_S= UP_S=
  while (( $(date +%s) < deadline )); do
    kill -0 "$LAUNCHER_PID" 2>/dev/null || { log "the launcher exited:"; tail -30 "$out" >&2; return 1; }
    if [[ -z $HEALTHY_S ]] && [[ $(curl -s -o /dev/null -w '%{http_code}' -m 2 "$GATEWAY/actuator/health") == 200 ]]; then
      HEALTHY_S=$(elapsed_s "$STARTED_NS")
    fi
    if [[ -n $HEALTHY_S ]] && grep -q "PlanWatch is up" "$out"; then
      UP_S=$(elapsed_s "$STARTED_NS")
      return 0
    fi
    sleep 0.25
  done
  log "the stack did not come up within $timeout s"; tail -30 "$out" >&2
  return 1
}

# What a benchmark that starts stacks of its own does first: stop its stack whatever happens, have wrk and jq, build
# the product, and set the current jars aside for its stacks.
prepare_stack_benchmark() {
  trap stop_stack EXIT
  trap 'exit 130' INT TERM
  ensure_debian_package wrk wrk
  ensure_debian_package jq jq
  ensure_built
  snapshot_stack
}

elapsed_s() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

# stop_stack: SIGTERM to the launcher, which stops services, Kafka and PostgreSQL in order. Sets STOP_S.
stop_stack() {
  [[ -n $LAUNCHER_PID ]] || return 0
  local begin pids p pm
  begin=$(date +%s%N)
  pids=$(stack_pids)
  pm=$(postmaster_pid_of "$CURRENT_DATA")
  for p in $pids; do kill -CONT "$p" 2>/dev/null || true; done # a projector paused by a benchmark
  kill -TERM "$LAUNCHER_PID" 2>/dev/null || true
  for _ in $(seq 1 240); do kill -0 "$LAUNCHER_PID" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$LAUNCHER_PID" 2>/dev/null; then
    log "launcher still running after 60 s: SIGKILL, then its processes one by one"
    kill -KILL "$LAUNCHER_PID" 2>/dev/null || true
  fi
  wait "$LAUNCHER_PID" 2>/dev/null || true
  STOP_S=$(elapsed_s "$begin")
  # Whatever outlived the launcher (it should be nothing; PostgreSQL's last backends take a moment to exit), by the
  # pids recorded above, and only while they are still the processes we recorded.
  local left c
  for _ in $(seq 1 40); do
    left=; for p in $pids; do if kill -0 "$p" 2>/dev/null; then left="$left $p"; fi; done
    [[ -z $left ]] && break
    sleep 0.25
  done
  for p in $left; do
    c=$(component_of "$p") || continue
    [[ $c == other ]] && continue
    log "pid $p ($c) outlived the launcher by 10 s; stopping it"
    if [[ $p == "$pm" ]]; then kill -INT "$p"; else kill -TERM "$p"; fi 2>/dev/null || true
  done
  LAUNCHER_PID=
  return 0
}

descendants() { local c; for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }
postmaster_pid_of() { [[ -f $1/postgres/postmaster.pid ]] && head -1 "$1/postgres/postmaster.pid" 2>/dev/null; true; }

# Every process of the stack: the launcher and its descendants (Kafka, the services), PostgreSQL's postmaster and its
# backends (zonky starts PostgreSQL through pg_ctl, so it is not under the launcher).
stack_pids() {
  [[ -n $LAUNCHER_PID ]] || return 0
  { echo "$LAUNCHER_PID"; descendants "$LAUNCHER_PID"
    local pm; pm=$(postmaster_pid_of "$CURRENT_DATA")
    if [[ -n $pm ]] && kill -0 "$pm" 2>/dev/null; then echo "$pm"; descendants "$pm"; fi
  } | sort -un
}

component_of() { # pid -> launcher | kafka | postgres | <service>
  local cmd; cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
  case "$cmd" in
    *kafka.Kafka*) echo kafka ;;
    *launcher/target/launcher.jar*) echo launcher ;;
    *postgres*) echo postgres ;;
    *) local s; for s in "${SERVICES[@]}"; do [[ $cmd == *"/$s/target/$s.jar"* ]] && { echo "$s"; return 0; }; done
       echo other ;;
  esac
}

service_pid() { # name -> pid of that component
  local p; for p in $(stack_pids); do [[ $(component_of "$p") == "$1" ]] && { echo "$p"; return 0; }; done; return 1
}

# cpu_snapshot FILE: "component ticks" summed over the stack's processes (utime + stime). The JIT compiler threads of
# every JVM are a component of their own, jit-compilers, apart from the process they compile for: an account then
# shows how much of a measure was compilation still under way rather than the work measured. (HotSpot starts and
# ends C2 threads as its queue grows and shrinks; an ended one's ticks fall back to its process's figure.)
cpu_snapshot() {
  local p c
  for p in $(stack_pids); do
    c=$(component_of "$p") || continue
    # fields after the ")" that closes the command name: utime is the 12th, stime the 13th
    echo "$c $(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}') $(compiler_ticks "$p" "$c")"
  done | awk 'NF == 3 { t[$1] += $2 - $3; j += $3 } END { for (c in t) print c, t[c]; print "jit-compilers", j + 0 }' |
    sort >"$1"
}

compiler_ticks() { # PID COMPONENT -> CPU ticks of that JVM's live JIT compiler threads (0 for PostgreSQL)
  [[ $2 == postgres ]] && { echo 0; return; }
  cat "/proc/$1/task/"*/stat 2>/dev/null |
    awk '/\((C1|C2) CompilerThre\)/ { sub(/.*\) /, ""); t += $12 + $13 } END { print t + 0 }'
}

# jit_share BEFORE AFTER: per cent of the stack's CPU between two snapshots that went to the JIT compilers
jit_share() {
  join "$1" "$2" | awk '{ d = $3 - $2; t += d; if ($1 == "jit-compilers") j = d }
    END { printf "%.1f", (t > 0 ? 100 * j / t : 0) }'
}

# cpu_per_request BEFORE AFTER REQUESTS: "component=ms/request …" for the components that used at least 2 % of the
# total (a cost per event is a fraction of a millisecond: a fixed threshold hid the projector being measured).
cpu_per_request() {
  join "$1" "$2" | awk -v n="$3" -v hz="$CLK_TCK" '{ c[NR] = $1; ms[NR] = ($3 - $2) * 1000 / hz / n; total += ms[NR] }
    END { for (i = 1; i <= NR; i++) if (ms[i] > 0 && ms[i] >= 0.02 * total)
            printf (ms[i] >= 1 ? "%s=%.2f " : "%s=%.3f "), c[i], ms[i]
          printf (total >= 1 ? "total=%.2f\n" : "total=%.3f\n"), total }'
}

# memory: "component rss_kib pss_kib processes" per component, and a "total" line.
memory_snapshot() {
  local p c rss pss
  for p in $(stack_pids); do
    c=$(component_of "$p") || continue
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null)
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null)
    [[ -n $rss ]] && echo "$c ${rss:-0} ${pss:-0}"
  done | awk '{ r[$1] += $2; s[$1] += $3; n[$1]++; R += $2; S += $3; N++ }
    END { for (c in r) print c, r[c], s[c], n[c]; print "total", R, S, N }' | sort
}

settled_count() { db settle "$1"; } # a table's row count once its projector has caught up

# --- identities -----------------------------------------------------------------------------------------------------

token() { # client-id
  local secret
  secret=$(jq -r --arg c "$1" '.[] | select(.clientId == $c) | .clientSecret' "$CURRENT_DATA/dev-clients.json")
  curl -s -m 30 -u "$1:$secret" -d grant_type=client_credentials "$ISSUER/oauth2/token" | jq -r .access_token
}

# --- load ---------------------------------------------------------------------------------------------------------

# machine_busy BEFORE AFTER: per cent of all cores busy between two /proc/stat samples
machine_sample() { head -1 /proc/stat | awk '{ busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }'; }
# machine_busy BEFORE AFTER CPU0 CPU1: "busy % · stack % · others %" of the whole machine (all cores) between two
# samples; "others" is everything outside the stack: the load tool itself and other engineers' builds.
machine_busy() {
  local stack; stack=$(join "$3" "$4" | awk '{ t += $3 - $2 } END { print t + 0 }')
  echo "$1 $2 $stack" | awk '{ all = $4 - $2; busy = 100 * ($3 - $1) / all; st = 100 * $5 / all;
    printf "%.0f %% · stack %.0f %% · others %.0f %%", busy, st, busy - st }'
}

# run_wrk NAME SCRIPT URL TOKEN [SECONDS]: one wrk run (THREADS, CONNS, DURATION), its CPU use per request by component, machine busy %.
run_wrk() {
  local name=$1 script=$2 url=$3 tok=$4 seconds=${5:-$DURATION} m0 m1 n
  cpu_snapshot "$RESULTS/$name.cpu0"; m0=$(machine_sample)
  TOKEN=$tok PERF_WRK_DIR=$PERF_DIR/wrk wrk -t"$THREADS" -c"$CONNS" -d"${seconds}s" --timeout 10s --latency \
    -s "$PERF_DIR/wrk/$script" "$url" >"$RESULTS/$name.txt" 2>&1 || true
  m1=$(machine_sample); cpu_snapshot "$RESULTS/$name.cpu1"
  n=$(field "$RESULTS/$name.txt" requests)
  [[ -n $n && $n -gt 0 ]] || { log "$name: wrk measured nothing:"; cat "$RESULTS/$name.txt" >&2; exit 1; }
  cpu_per_request "$RESULTS/$name.cpu0" "$RESULTS/$name.cpu1" "$n" >"$RESULTS/$name.cpums"
  machine_busy "$m0" "$m1" "$RESULTS/$name.cpu0" "$RESULTS/$name.cpu1" >"$RESULTS/$name.busy"
  log "$(printf '%-22s %7s req/s  p50 %7s ms  p99 %7s ms  statuses %s  (machine busy %s)' "$name" \
    "$(field "$RESULTS/$name.txt" rps)" "$(field "$RESULTS/$name.txt" p50_ms)" "$(field "$RESULTS/$name.txt" p99_ms)" \
    "$(field "$RESULTS/$name.txt" statuses)" "$(cat "$RESULTS/$name.busy")")"
}

# Bulk submissions go to a plan of their own: the shipped plan with 400 more quarterly indicators of CNIPA's, so that
# 10,000 rows (BULK_ROWS) name each indicator and period once. publish_bulk_plan publishes it through the gateway and
# waits until a submission to it is accepted.
BULK_PLAN=perf-bulk-2021-2025
publish_bulk_plan() {
  helper BulkSubmission plan "$GATEWAY" "$(token cnipa-lead)" catalogue/src/main/resources/plans/ip-2021-2025.yaml \
    "$BULK_PLAN" $(((${BULK_ROWS:-10000} + 24) / 25))
}

# start_own_stack: what a benchmark on a stack of its own does first: prepare, a fresh data directory and results
# directory (CURRENT_DATA, RESULTS), the stack started and up.
start_own_stack() {
  prepare_stack_benchmark
  compile_helpers
  rm -rf "$RESULTS" "$CURRENT_DATA"
  mkdir -p "$RESULTS"
  start_stack "$CURRENT_DATA" "$RESULTS/launcher.out"
  await_healthy 600 "$RESULTS/launcher.out"
}

# warm_until_steady MAX_WINDOWS WINDOW: runs "WINDOW w" for w = 1, 2, … — a function that puts one window of load on
# the stack and prints its rate — until two windows in a row are within 10 % of each other and the JIT compilers
# spent under JIT_SETTLED % (PERF_JIT_SETTLED, 5) of the stack's CPU in the second: a steady rate alone is not a
# settled JIT (the full tiered compiler still took a quarter of the CPU in windows whose rates agreed), and
# compilation counted in a measure is warm-up charged to the product. Stops after MAX_WINDOWS. Sets STEADY: "after N windows, …", or "not
# within MAX_WINDOWS windows, …", with the compilers' share of the stack's CPU in the last window.
warm_until_steady() {
  local max=$1 window=$2 previous=0 rate w jit=0
  for w in $(seq 1 "$max"); do
    cpu_snapshot "$RESULTS/warm-window.cpu0"
    rate=$("$window" "$w") || return 1
    cpu_snapshot "$RESULTS/warm-window.cpu1"
    jit=$(jit_share "$RESULTS/warm-window.cpu0" "$RESULTS/warm-window.cpu1")
    log "warm-up window $w: $rate, JIT compilers $jit % of the stack's CPU"
    if awk -v a="$previous" -v b="$rate" -v j="$jit" -v s="$JIT_SETTLED" \
      'BEGIN { exit !(a > 0 && (b - a) / a < 0.1 && (a - b) / a < 0.1 && j < s) }'; then
      STEADY="after $w windows, JIT compilers $jit % of the stack's CPU in the last"
      return 0
    fi
    previous=$rate
  done
  STEADY="not within $max windows, JIT compilers $jit % of the stack's CPU in the last"
}

# producer_performance NAME RECORDS [TRANSACTIONAL_ID]: Kafka's ProducerPerformance as fast as it goes, RECORDS records
# of RECORD_SIZE bytes (650: our events' size) to a topic of its own (3 partitions, like ours), acks=all, idempotent;
# with TRANSACTIONAL_ID, in transactions of 100 ms. Output in $RESULTS/NAME.txt; prints the records/s.
producer_performance() {
  local extra=()
  [[ -n ${3:-} ]] && extra=(--transactional-id "$3" --transaction-duration-ms 100)
  java -cp "$(java_cp)" org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA" --create --if-not-exists \
    --topic perf.producer-performance --partitions 3 --replication-factor 1 >"$RESULTS/$1.topic.txt" 2>&1
  java -Xmx512m -cp "$(java_cp)" org.apache.kafka.tools.ProducerPerformance --topic perf.producer-performance \
    --num-records "$2" --record-size "${RECORD_SIZE:-650}" --throughput -1 "${extra[@]}" \
    --producer-props bootstrap.servers="$KAFKA" acks=all enable.idempotence=true >"$RESULTS/$1.txt" 2>&1
  grep 'records sent' "$RESULTS/$1.txt" | tail -1 | sed -E 's/.*sent, ([0-9.]+) records\/sec.*/\1/'
}

# producer_ceilings NAME: ProducerPerformance as perf/pipeline.sh runs it before its bulk step — 50,000 records to
# warm up, 100,000 without transactions, 100,000 with (one per 100 ms); outputs in $RESULTS/NAME{-warm,,-tx}.txt.
# Sets PP_RPS and PP_TX_RPS (records/s).
producer_ceilings() {
  producer_performance "$1-warm" 50000 >/dev/null
  PP_RPS=$(producer_performance "$1" 100000)
  PP_TX_RPS=$(producer_performance "$1-tx" 100000 perf-producer-performance)
}

# The load perf/pipeline.sh times, shared with the benchmarks that repeat it (needs OBSERVE, GATEWAY, INDICATOR,
# REPORTER and LEAD). warm_window_load NAME: one warm-up window — 10 s of one report per request, 5 s of national-view
# reads, 5 s of the indicator read timed below (warm too, or the first of the two reads pays the compilation); prints
# the reports/s. single_request_measures [NAME]: one report per request, then the indicator read through the gateway
# and directly, DURATION s each, in $RESULTS/{ingest,read-gateway,read-direct}[.NAME].txt.
warm_window_load() {
  run_wrk "warm.$1" observe.lua "$OBSERVE" "$REPORTER" 10
  run_wrk "warm-read.$1" get.lua "$GATEWAY/api/v1/national-view" "$LEAD" 5
  run_wrk "warm-indicator.$1" get.lua "$GATEWAY/api/v1/indicators/IND-01" "$REPORTER" 5
  field "$RESULTS/warm.$1.txt" rps
}
single_request_measures() {
  local suffix=${1:+.$1}
  run_wrk "ingest$suffix" observe.lua "$OBSERVE" "$REPORTER"
  run_wrk "read-gateway$suffix" get.lua "$GATEWAY/api/v1/indicators/IND-01" "$REPORTER"
  run_wrk "read-direct$suffix" get.lua "$INDICATOR/api/v1/indicators/IND-01" "$REPORTER"
}

# --- results --------------------------------------------------------------------------------------------------------

RESULTS=$TARGET/results
# field FILE KEY: a key=value of the PERF_RESULT line in FILE
field() { { grep -h '^PERF_RESULT' "$1" 2>/dev/null || true; } | tail -1 | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
status_count() { field "$1" statuses | tr ',' '\n' | awk -F: -v s="$2" '$1 == s { print $2 }' | grep . || echo 0; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

# write_doc_section SECTION REPORT DOC: puts REPORT (markdown between <!-- SECTION:begin --> and <!-- SECTION:end -->)
# in place of that section of DOC, or at its end; nothing when DOC is empty.
write_doc_section() {
  local section=$1 report=$2 doc=$3
  [[ -n $doc ]] || return 0
  if grep -q "<!-- $section:begin -->" "$doc"; then
    awk -v f="$report" -v b="<!-- $section:begin -->" -v e="<!-- $section:end -->" '
      $0 == b { while ((getline l < f) > 0) print l; skip = 1; next } $0 == e { skip = 0; next } !skip' "$doc" >"$doc.new" &&
      mv "$doc.new" "$doc"
  else
    { echo; cat "$report"; } >>"$doc"
  fi
  log "wrote $doc"
}
