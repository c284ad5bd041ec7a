#!/usr/bin/env bash
# Compares whole stacks that differ in how they run, side by side in one run: each variant is started as ./run.sh would
# start it, with some settings of its own (PERF_VARIANTS), one after the other, each on a fresh data directory, and
# measured the same way. With several gateways (PLANWATCH_REPLICAS > 1) the load goes to all of them at once, the
# connections split between them, as a load balancer in front of them would spread it. For each variant:
#
#   - warm-up until the ingestion rate is steady: 10 s windows of reports and national-view reads until two windows
#     in a row are within 10 % of each other and the JIT compilers took under PERF_JIT_SETTLED % (5) of the stack's
#     CPU in the second (at most PERF_WARM_WINDOWS), so the JIT has settled before timing;
#   - ingestion: wrk posting one report per request (IND-01, the CNIPA reporter), PERF_DURATION s;
#   - national view: wrk reading GET /api/v1/national-view as the lead, PERF_DURATION s;
#   - where the CPU goes: each component's CPU ms per request (all its instances together), how busy the machine was
#     (the stack's share and everyone else's), and the stack's resident memory.
#
# The figures are each variant's ratio to the first. perf/replicas.sh (one instance of everything vs two) and
# perf/jvm-options.sh (the services' JVM options) are this script with their variants.
#
# Settings (environment): PERF_VARIANTS (lines "label|VAR=value VAR=value"; "_" in a value stands for a space), PERF_SECTION (the marker name of the
# section of PERF_DOC it writes), PERF_TITLE, PERF_PORT_OFFSET (300), PERF_DURATION (20), PERF_CONNECTIONS (16),
# PERF_WARM_WINDOWS (8), PERF_DOC (docs/benchmarks.md; empty: no document).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/lib.sh
source perf/lib.sh

load_settings 20 8
SECTION=${PERF_SECTION:?PERF_SECTION names the section of the document}
TITLE=${PERF_TITLE:-$SECTION}
mapfile -t VARIANTS < <(printf '%s\n' "${PERF_VARIANTS:?PERF_VARIANTS lists the stacks to compare}" | grep -v '^ *$')
DOC=${PERF_DOC-docs/benchmarks.md}
CURRENT_DATA=$TARGET/$SECTION-data
RESULTS=$TARGET/$SECTION-results

prepare_stack_benchmark
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
RUN_DATE=$(date -u +%FT%TZ)
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo "+uncommitted changes")
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

for v in "${!VARIANTS[@]}"; do
  label=${VARIANTS[$v]%%|*}
  read -r -a settings <<<"${VARIANTS[$v]#*|}"
  n=1
  for a in "${settings[@]}"; do [[ $a == PLANWATCH_REPLICAS=* ]] && n=${a#*=}; done
  rm -rf "$CURRENT_DATA"
  # The launcher takes the variant's settings from its environment (start_stack sets the number of instances).
  # (an underscore in a value stands for a space: the settings are split at spaces)
  for a in "${settings[@]}"; do
    [[ $a == PLANWATCH_REPLICAS=* ]] || export "${a%%=*}=$(tr _ ' ' <<<"${a#*=}")"
  done
  STACK_REPLICAS=$n start_stack "$CURRENT_DATA" "$RESULTS/launcher-$v.out"
  for a in "${settings[@]}"; do unset "${a%%=*}"; done
  await_healthy 600 "$RESULTS/launcher-$v.out"
  log "variant $v ($label: ${settings[*]}) up after $UP_S s"
  REPORTER=$(token cnipa-reporter)
  LEAD=$(token cnipa-lead)
  warm_window() {
    load "warm-$v.$1" observe.lua /api/v1/indicators/IND-01/observations "$REPORTER" 10 "$n"
    load "warm-read-$v.$1" get.lua /api/v1/national-view "$LEAD" 5 "$n"
    field "$RESULTS/warm-$v.$1.txt" rps
  }
  warm_until_steady "$WARM_WINDOWS" warm_window
  echo "$STEADY" >"$RESULTS/steady-$v"
  log "warm-up of variant $v: steady $STEADY"
  load "ingest-$v" observe.lua /api/v1/indicators/IND-01/observations "$REPORTER" "$DURATION" "$n"
  load "national-view-$v" get.lua /api/v1/national-view "$LEAD" "$DURATION" "$n"
  memory_snapshot >"$RESULTS/memory-$v" 2>/dev/null || true
  stop_stack
done

# --- the report -----------------------------------------------------------------------------------------------------

rps_of() { field "$RESULTS/$1.txt" rps; }
ratio() { calc '%.2f' "$(rps_of "$1-$2") / $(rps_of "$1-0")"; }
each() { local v; for v in "${!VARIANTS[@]}"; do printf '%s | ' "$("$@" "$v")"; done; }
report() {
  echo "<!-- $SECTION:begin -->"
  echo "## $TITLE"
  echo
  echo "\`perf/$SECTION.sh\` at \`$COMMIT\`, $RUN_DATE, $(nproc) cores ($(uname -m)) shared with other work; load average"
  echo "$LOAD_BEFORE at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end. Each stack on a fresh data directory, one"
  echo "after the other in one run; warm-up in 10 s windows until two in a row were within 10 %; then $DURATION s each,"
  echo "$CONNS connections in all (spread over the gateways). Ratios are to the first column."
  echo
  echo "| measure | $(each label_of)"
  echo "|---|$(for _ in "${VARIANTS[@]}"; do printf -- '---|'; done)"
  echo "| settings | $(each settings_of)"
  echo "| warm-up until steady | $(each cat_steady)"
  echo "| ingestion, reports/s (ratio) | $(each cell ingest)"
  echo "| national view, reads/s (ratio) | $(each cell national-view)"
  echo "| memory of the stack, RSS MiB (processes) | $(each memory_of)"
  echo
  echo "Where the CPU goes (ms of CPU per request, each component's instances together; machine busy):"
  echo
  local v m
  for m in ingest national-view; do
    for v in "${!VARIANTS[@]}"; do
      echo "- $m, ${VARIANTS[$v]%%|*}: $(cat "$RESULTS/$m-$v.cpums") — busy $(cat "$RESULTS/$m-$v.busy")"
    done
  done
  echo "<!-- $SECTION:end -->"
}
label_of() { echo "${VARIANTS[$1]%%|*}"; }
# Each setting as given, an underscore in its value shown as the space it stands for (names keep theirs).
settings_of() {
  local a shown=()
  read -r -a settings <<<"${VARIANTS[$1]#*|}"
  for a in "${settings[@]}"; do shown+=("${a%%=*}=$(tr _ ' ' <<<"${a#*=}")"); done
  echo "\`${shown[*]}\`"
}
cat_steady() { cat "$RESULTS/steady-$1"; }
cell() { echo "$(rps_of "$1-$2") ($(ratio "$1" "$2"))"; }
memory_of() { awk '$1 == "total" { printf "%.0f (%d)", $2 / 1024, $4 }' "$RESULTS/memory-$1"; }
report | tee "$RESULTS/report.md"
write_doc_section "$SECTION" "$RESULTS/report.md" "$DOC"
