#!/usr/bin/env bash
# Login flood: shows that starting dashboard logins cannot exhaust the gateway.
#
# Starts an auth server, a Redis (the redis-server of the embedded-redis jar in the local Maven repository) and a
# gateway of their own (nothing else is needed to start a login) on PERF_PORT_OFFSET (400: ports 9400, 16779 and
# 8480), with a fresh data directory, then
#   1. sends PERF_LOGIN_STARTS (2000) login starts (GET /oauth2/authorization/planwatch, no cookie) from 127.0.0.1;
#   2. sends PERF_LOGIN_ADDRESSES (250) x 8 login starts from as many loopback addresses (127.0.0.2 …), each within
#      its address's limit, so that every one of them stores a session (kept PERF_UNFINISHED_LOGIN_TIMEOUT, 10m);
# and prints the answers by status, the gateway's heap in use (after a full GC, from jcmd), and the keys and memory
# Redis holds, before and after each phase. Builds auth-server and gateway if their jars are missing or stale.
# Everything it starts is stopped by pid on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

OFFSET=${PERF_PORT_OFFSET:-400}
STARTS=${PERF_LOGIN_STARTS:-2000}
ADDRESSES=${PERF_LOGIN_ADDRESSES:-250}
UNFINISHED=${PERF_UNFINISHED_LOGIN_TIMEOUT:-10m}
AUTH_PORT=$((9000 + OFFSET))
REDIS_PORT=$((16379 + OFFSET))
GATEWAY_PORT=$((8080 + OFFSET))
ISSUER=http://localhost:$AUTH_PORT
LOGIN_START=http://127.0.0.1:$GATEWAY_PORT/oauth2/authorization/planwatch
WORK=$(mktemp -d)
PIDS=()

log() { printf '[login-flood %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
stop() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap stop EXIT

stale() { [[ ! -f $1 || -n $(find pom.xml */pom.xml */src/main -newer "$1" -type f -print -quit 2>/dev/null) ]]; }
if stale auth-server/target/auth-server.jar || stale gateway/target/gateway.jar; then
  log "building auth-server and gateway (./mvnw -q -B -o -pl auth-server,gateway -am -DskipTests package)"
  ./mvnw -q -B -o -pl auth-server,gateway -am -DskipTests package
fi

await_healthy() { # url name
  local i
  for i in $(seq 1 240); do
    curl -sf -m 2 "$1/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  log "$2 did not become healthy; see $WORK/$2.log"; tail -20 "$WORK/$2.log" >&2; exit 1
}

log "starting the auth server on $AUTH_PORT"
started=$(date +%s%N)
PLANWATCH_DATA=$WORK/data PLANWATCH_AUTH_ISSUER=$ISSUER java -jar auth-server/target/auth-server.jar \
  --server.port="$AUTH_PORT" \
  --planwatch.auth.gateway-redirect-uris="http://127.0.0.1:$GATEWAY_PORT/login/oauth2/code/planwatch" \
  >"$WORK/auth-server.log" 2>&1 &
PIDS+=($!)
await_healthy "$ISSUER" auth-server
AUTH_READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
log "auth server healthy after $AUTH_READY_MS ms (secrets hashed at bcrypt cost 12)"
SECRET=$(jq -r '.[] | select(.clientId? == "planwatch-gateway") | .clientSecret' "$WORK/data/dev-clients.json")

REDIS_JAR=$(find "${HOME}/.m2/repository/com/github/codemonstur/embedded-redis" -name 'embedded-redis-*.jar' 2>/dev/null \
  | sort | tail -1)
[[ -n $REDIS_JAR ]] || { log "no embedded-redis jar in ~/.m2; build the gateway's tests once"; exit 1; }
unzip -p "$REDIS_JAR" redis-server-6.2.6-v5-linux-amd64 >"$WORK/redis-server"
chmod +x "$WORK/redis-server"
log "starting Redis on $REDIS_PORT (127.0.0.1 only, nothing on disk)"
"$WORK/redis-server" --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$WORK" \
  >"$WORK/redis.log" 2>&1 &
PIDS+=($!)

log "starting the gateway on $GATEWAY_PORT (unfinished logins kept $UNFINISHED, -Xmx256m)"
PLANWATCH_AUTH_ISSUER=$ISSUER PLANWATCH_GATEWAY_CLIENT_SECRET=$SECRET PLANWATCH_REDIS_PORT=$REDIS_PORT \
  java -Xmx256m -jar gateway/target/gateway.jar \
  --server.port="$GATEWAY_PORT" --planwatch.gateway.login-limit.unfinished-login-timeout="$UNFINISHED" \
  --management.tracing.sampling.probability=0 \
  >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
PIDS+=("$GATEWAY_PID")
await_healthy "http://127.0.0.1:$GATEWAY_PORT" gateway

# the gateway's heap in use (KB) after a full GC; the sessions Redis holds and its memory in use (KB)
heap() {
  jcmd "$GATEWAY_PID" GC.run >/dev/null
  local used sessions redis_kb reply
  used=$(jcmd "$GATEWAY_PID" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT"
  printf 'EVAL "return #redis.call(\x27keys\x27, ARGV[1])" 0 planwatch:session:sessions:*\r\nINFO memory\r\nQUIT\r\n' >&3
  reply=$(tr -d '\r' <&3)
  exec 3<&-
  sessions=$(sed -n 's/^://p' <<<"$reply" | head -1)
  redis_kb=$(( $(sed -n 's/^used_memory://p' <<<"$reply") / 1024 ))
  echo "heap_used_kb=${used:-?} redis_sessions=${sessions:-?} redis_used_kb=$redis_kb"
}
statuses() { sort | uniq -c | awk '{ printf "%s%s:%s", sep, $2, $1; sep="," } END { print "" }'; }

# one start to warm up discovery and the code paths, then the baseline
curl -s -o /dev/null "$LOGIN_START"
BEFORE=$(heap)
log "before: $BEFORE"

log "phase 1: $STARTS login starts from 127.0.0.1"
t0=$(date +%s%N)
curl -s -o /dev/null -w '%{http_code} %header{retry-after}\n' "$LOGIN_START?n=[1-$STARTS]" >"$WORK/one.txt"
ONE=$(awk '{ print $1 }' "$WORK/one.txt" | statuses)
RETRY=$(awk '$1 == 429 { print $2 }' "$WORK/one.txt" | sort -n | uniq | paste -sd, -)
ONE_S=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
AFTER_ONE=$(heap)
log "phase 1: statuses $ONE in ${ONE_S}s; after: $AFTER_ONE"

log "phase 2: $ADDRESSES addresses x 8 login starts"
MANY=$(for i in $(seq 2 $((ADDRESSES + 1))); do
  curl -s --interface "127.0.0.$i" -o /dev/null -w '%{http_code}\n' "$LOGIN_START?n=[1-8]"
done | statuses)
AFTER_MANY=$(heap)
log "phase 2: statuses $MANY; after: $AFTER_MANY"

cat <<REPORT
auth server healthy after $AUTH_READY_MS ms; $(grep -o 'Started AuthServerApplication in [0-9.]* seconds' "$WORK/auth-server.log" || true)
load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores
login flood against gateway pid $GATEWAY_PID (port $GATEWAY_PORT, Redis $REDIS_PORT, unfinished logins kept $UNFINISHED, -Xmx256m)
  before                                    $BEFORE
  1. $STARTS starts from 127.0.0.1            statuses $ONE in ${ONE_S}s (Retry-After of the 429s: ${RETRY:-?} s)
     after                                  $AFTER_ONE
  2. $ADDRESSES addresses x 8 starts           statuses $MANY
     after                                  $AFTER_MANY
REPORT
