#!/usr/bin/env bash
# What does a second instance of everything buy on this machine? Starts the whole stack as ./run.sh would, first with
# one instance of each service and of the gateway, then with two (PLANWATCH_REPLICAS), one after the other in one run,
# each on a fresh data directory. With two, the load goes to both gateways at once (half the connections each), as a
# load balancer in front of them would spread it. For each stack:
#
#   - warm-up until the ingestion rate is steady: 10 s windows of reports and national-view reads until two windows
#     in a row are within 10 % of each other (at most PERF_WARM_WINDOWS), so the JIT has settled before timing;
#   - ingestion: wrk posting one report per request (IND-01, the CNIPA reporter), PERF_DURATION s;
#   - national view: wrk reading GET /api/v1/national-view as the lead, PERF_DURATION s;
#   - where the CPU goes: each component's CPU ms per request (all its instances together), and how busy the machine
#     was (the stack's share and everyone else's).
#
# The figures are the ratio two ÷ one for each measure. On 2 cores a second instance cannot double anything: the point
# is what it costs, not what it adds. Writes the section between the replicas markers of docs/benchmarks.md.
#
# Settings (environment): PERF_PORT_OFFSET (300), PERF_DURATION (20), PERF_CONNECTIONS (16), PERF_WARM_WINDOWS (8),
# PERF_REPLICA_COUNTS ("1 2": the stacks, in order), PERF_DOC (docs/benchmarks.md; empty: no document).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/lib.sh
source perf/lib.sh

DURATION=${PERF_DURATION:-20}
CONNS=${PERF_CONNECTIONS:-16}
THREADS=2
WARM_WINDOWS=${PERF_WARM_WINDOWS:-8}
COUNTS=(${PERF_REPLICA_COUNTS:-1 2})
DOC=${PERF_DOC-docs/benchmarks.md}
CURRENT_DATA=$TARGET/replicas-data
RESULTS=$TARGET/replicas-results

trap stop_stack EXIT
trap 'exit 130' INT TERM

ensure_debian_package wrk wrk
ensure_debian_package jq jq
ensure_built
snapshot_stack
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
RUN_DATE=$(date -u +%FT%TZ)
COMMIT=$(git rev-parse --short HEAD)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# The gateways of a stack with N instances: the first on the gateway's port, the others 10 ports apart.
gateways() { local i; for i in $(seq 0 $(($1 - 1))); do echo "http://localhost:$((8080 + OFFSET + 10 * i))"; done; }

# load NAME SCRIPT PATH TOKEN SECONDS N: wrk on every gateway at once, CONNS connections in all; sums what they did
# into a PERF_RESULT line (requests, rps, statuses) and the CPU per request by component.
load() {
  local name=$1 script=$2 path=$3 tok=$4 seconds=$5 n=$6 g i=0 pids=() m0 m1 total
  cpu_snapshot "$RESULTS/$name.cpu0"; m0=$(machine_sample)
  for g in $(gateways "$n"); do
    TOKEN=$tok PERF_WRK_DIR=$PERF_DIR/wrk PERIOD=2022 wrk -t1 -c$((CONNS / n)) -d"${seconds}s" --timeout 10s --latency \
      -s "$PERF_DIR/wrk/$script" "$g$path" >"$RESULTS/$name.$i.txt" 2>&1 &
    pids+=($!); i=$((i + 1))
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  m1=$(machine_sample); cpu_snapshot "$RESULTS/$name.cpu1"
  total=0
  for i in $(seq 0 $((n - 1))); do total=$((total + $(field "$RESULTS/$name.$i.txt" requests))); done
  (( total > 0 )) || { log "$name: wrk measured nothing"; cat "$RESULTS/$name.0.txt" >&2; exit 1; }
  local statuses; statuses=$(for i in $(seq 0 $((n - 1))); do field "$RESULTS/$name.$i.txt" statuses | tr ',' '\n'; done |
    awk -F: 'NF == 2 { s[$1] += $2 } END { for (k in s) printf "%s%s:%d", sep, k, s[k]; sep = "," }')
  echo "PERF_RESULT requests=$total rps=$(calc '%.1f' "$total / $seconds") statuses=$statuses" >"$RESULTS/$name.txt"
  cpu_per_request "$RESULTS/$name.cpu0" "$RESULTS/$name.cpu1" "$total" >"$RESULTS/$name.cpums"
  machine_busy "$m0" "$m1" "$RESULTS/$name.cpu0" "$RESULTS/$name.cpu1" >"$RESULTS/$name.busy"
  log "$(printf '%-18s %8s req/s  statuses %s  (machine busy %s)' "$name" "$(field "$RESULTS/$name.txt" rps)" \
    "$statuses" "$(cat "$RESULTS/$name.busy")")"
}

for n in "${COUNTS[@]}"; do
  rm -rf "$CURRENT_DATA"
  STACK_REPLICAS=$n start_stack "$CURRENT_DATA" "$RESULTS/launcher-$n.out"
  await_healthy 600 "$RESULTS/launcher-$n.out"
  log "stack with $n instance(s) of each service up after $UP_S s"
  REPORTER=$(token cnipa-reporter)
  LEAD=$(token cnipa-lead)
  previous=0 steady=no
  for w in $(seq 1 "$WARM_WINDOWS"); do
    load "warm-$n.$w" observe.lua /api/v1/indicators/IND-01/observations "$REPORTER" 10 "$n"
    load "warm-read-$n.$w" get.lua /api/v1/national-view "$LEAD" 5 "$n"
    rps=$(field "$RESULTS/warm-$n.$w.txt" rps)
    if awk -v a="$previous" -v b="$rps" 'BEGIN { exit !(a > 0 && (b - a) / a < 0.1 && (a - b) / a < 0.1) }'; then
      steady="after $w windows"; break
    fi
    previous=$rps
  done
  echo "$steady" >"$RESULTS/steady-$n"
  log "warm-up with $n: steady $steady"
  load "ingest-$n" observe.lua /api/v1/indicators/IND-01/observations "$REPORTER" "$DURATION" "$n"
  load "national-view-$n" get.lua /api/v1/national-view "$LEAD" "$DURATION" "$n"
  memory_snapshot >"$RESULTS/memory-$n" 2>/dev/null || true
  stop_stack
done

# --- the report -----------------------------------------------------------------------------------------------------

rps_of() { field "$RESULTS/$1.txt" rps; }
ratio() { calc '%.2f' "$(rps_of "$1-${COUNTS[-1]}") / $(rps_of "$1-${COUNTS[0]}")"; }
report() {
  echo "<!-- replicas:begin -->"
  echo "## One instance of everything vs two"
  echo
  echo "\`perf/replicas.sh\` at \`$COMMIT\`, $RUN_DATE, $(nproc) cores ($(uname -m)) shared with other work; load average"
  echo "$LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end. Each stack on a fresh data directory, one"
  echo "after the other in one run; warm-up in 10 s windows until two in a row were within 10 %; then $DURATION s each,"
  echo "$CONNS connections in all (spread over the gateways)."
  echo
  echo "| measure | $(for n in "${COUNTS[@]}"; do printf '%s instance(s) | ' "$n"; done)ratio |"
  echo "|---|$(for _ in "${COUNTS[@]}"; do printf -- '---|'; done)---|"
  echo "| warm-up until steady | $(for n in "${COUNTS[@]}"; do printf '%s | ' "$(cat "$RESULTS/steady-$n")"; done)— |"
  echo "| ingestion, reports/s | $(for n in "${COUNTS[@]}"; do printf '%s | ' "$(rps_of "ingest-$n")"; done)$(ratio ingest) |"
  echo "| national view, reads/s | $(for n in "${COUNTS[@]}"; do printf '%s | ' "$(rps_of "national-view-$n")"; done)$(ratio national-view) |"
  echo "| memory of the stack, RSS MiB (processes) | $(for n in "${COUNTS[@]}"; do awk '$1 == "total" { printf "%.0f (%d) | ", $2 / 1024, $4 }' "$RESULTS/memory-$n"; done)— |"
  echo
  echo "Where the CPU goes (ms of CPU per request, each component's instances together; machine busy):"
  echo
  for m in ingest national-view; do
    for n in "${COUNTS[@]}"; do
      echo "- $m, $n instance(s): $(cat "$RESULTS/$m-$n.cpums") — busy $(cat "$RESULTS/$m-$n.busy")"
    done
  done
  echo "<!-- replicas:end -->"
}
report | tee "$RESULTS/report.md"
if [[ -n $DOC ]]; then
  if grep -q '<!-- replicas:begin -->' "$DOC"; then
    awk -v f="$RESULTS/report.md" '/<!-- replicas:begin -->/ { while ((getline l < f) > 0) print l; skip = 1; next }
      /<!-- replicas:end -->/ { skip = 0; next } !skip' "$DOC" >"$DOC.new" && mv "$DOC.new" "$DOC"
  else
    { echo; cat "$RESULTS/report.md"; } >>"$DOC"
  fi
  log "wrote $DOC"
fi
