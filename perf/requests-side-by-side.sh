#!/usr/bin/env bash
# One request at a time, two commits side by side: a fresh stack of each, taken in turn PERF_PAIRS times (base first),
# so that both meet the same minutes of a shared machine. Each stack: warm-up of five rounds (10 s of reads of
# GET /api/v1/indicators/IND-01 through the gateway, 5 s of reports), then PERF_DURATION s of reads and PERF_DURATION s
# of one report per request (POST /api/v1/indicators/IND-01/observations), both through the gateway, with each
# component's CPU per request; then, 10 s later, PERF_DURATION s with no requests, each component's CPU per second. On
# a machine shared with others absolute figures move from one stack to the next; a ratio within a stack (a component
# against one the change does not touch) is the steadier comparison.
#
# Usage: perf/requests-side-by-side.sh BASE_COMMIT (the other side is this working tree). The base is checked out as
# a worktree under perf/target and built there. Settings: PERF_PAIRS (3), PERF_DURATION (20), PERF_CONNECTIONS (16),
# PERF_PORT_OFFSET (300), PLANWATCH_JVM_OPTS (both sides). Prints one line per stack; writes nothing into docs.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: perf/requests-side-by-side.sh BASE_COMMIT}
HERE=$PWD
BASE_TREE=$HERE/perf/target/requests-side-by-side-base
OUT=$HERE/perf/target/requests-side-by-side
PAIRS=${PERF_PAIRS:-3}
rm -rf "$OUT"; mkdir -p "$OUT"
git worktree remove --force "$BASE_TREE" 2>/dev/null || rm -rf "$BASE_TREE"
git worktree add -q --detach "$BASE_TREE" "$BASE"

one_stack() { # TREE LABEL: one stack of TREE, measured; its figures in $OUT/LABEL/
  local tree=$1 label=$2
  ( cd "$tree"
    # shellcheck source=perf/lib.sh
    source perf/lib.sh
    DURATION=${PERF_DURATION:-20}
    CONNS=${PERF_CONNECTIONS:-16}
    THREADS=2
    SECTION=requests-side-by-side
    CURRENT_DATA=$TARGET/$SECTION-data
    RESULTS=$OUT/$label
    mkdir -p "$RESULTS"
    prepare_stack_benchmark
    rm -rf "$CURRENT_DATA"
    start_stack "$CURRENT_DATA" "$RESULTS/launcher.out"
    await_healthy 600 "$RESULTS/launcher.out"
    local reporter read observe w
    reporter=$(token cnipa-reporter)
    read=$GATEWAY/api/v1/indicators/IND-01
    observe=$GATEWAY/api/v1/indicators/IND-01/observations
    for w in 1 2 3 4 5; do
      run_wrk "warm.$w" get.lua "$read" "$reporter" 10
      run_wrk "warm-report.$w" observe.lua "$observe" "$reporter" 5
    done
    run_wrk read get.lua "$read" "$reporter"
    run_wrk report observe.lua "$observe" "$reporter"
    # The stack with nobody using it: what it costs to keep running. Ten seconds after the reports, the last folds and
    # compilations may still run on a busy machine, so the figure is read beside the other stack's, not alone.
    sleep 10
    cpu_snapshot "$RESULTS/idle.cpu0"; sleep "$DURATION"; cpu_snapshot "$RESULTS/idle.cpu1"
    cpu_per_request "$RESULTS/idle.cpu0" "$RESULTS/idle.cpu1" "$DURATION" >"$RESULTS/idle.cpums"
    printf '%s  read %s req/s, CPU ms: %s  |  report %s req/s, CPU ms: %s  |  idle, CPU ms per s: %s\n' \
      "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo +)" \
      "$(field "$RESULTS/read.txt" rps)" "$(cat "$RESULTS/read.cpums")" \
      "$(field "$RESULTS/report.txt" rps)" "$(cat "$RESULTS/report.cpums")" "$(cat "$RESULTS/idle.cpums")" >"$RESULTS/line"
  ) >"$OUT/$label.log" 2>&1 || { cat "$OUT/$label.log" >&2; exit 1; }
  printf '%-8s %s\n' "$label" "$(cat "$OUT/$label/line")"
}

for pair in $(seq 1 "$PAIRS"); do
  one_stack "$BASE_TREE" "base.$pair"
  one_stack "$HERE" "this.$pair"
done
git worktree remove --force "$BASE_TREE"
