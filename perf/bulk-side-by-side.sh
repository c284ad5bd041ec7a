#!/usr/bin/env bash
# Bulk acceptance of two commits side by side: a fresh stack of each, taken in turn PERF_PAIRS times (base first), so
# that both meet the same minutes of a shared machine. Each stack: the bulk plan published (perf/java/BulkSubmission.java),
# three untimed submissions of PERF_BULK_ROWS rows, then five timed ones (rows/s to the 202, ms from the 202 until all
# of it is in the national view), the one-bad-row submission, and each component's CPU per row over the five.
#
# Usage: perf/bulk-side-by-side.sh BASE_COMMIT (the other side is this working tree). The base is checked out as a
# worktree under perf/target and built there. Settings: PERF_PAIRS (3), PERF_BULK_ROWS (10000), PERF_PORT_OFFSET (300),
# PLANWATCH_JVM_OPTS (both sides). Prints one line per stack; writes nothing into docs.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: perf/bulk-side-by-side.sh BASE_COMMIT}
HERE=$PWD
BASE_TREE=$HERE/perf/target/side-by-side-base
OUT=$HERE/perf/target/side-by-side
PAIRS=${PERF_PAIRS:-3}
rm -rf "$OUT"; mkdir -p "$OUT"
git worktree remove --force "$BASE_TREE" 2>/dev/null || rm -rf "$BASE_TREE"
git worktree add -q --detach "$BASE_TREE" "$BASE"

one_stack() { # TREE LABEL: one stack of TREE, measured; its figures in $OUT/LABEL.txt
  local tree=$1 label=$2
  ( cd "$tree"
    # shellcheck source=perf/lib.sh
    source perf/lib.sh
    local rows=${PERF_BULK_ROWS:-10000} plan=perf-bulk-2021-2025
    SECTION=side-by-side
    CURRENT_DATA=$TARGET/$SECTION-data
    prepare_stack_benchmark
    compile_helpers
    rm -rf "$CURRENT_DATA"
    start_stack "$CURRENT_DATA" "$OUT/$label.launcher.out"
    await_healthy 600 "$OUT/$label.launcher.out"
    helper BulkSubmission plan "$GATEWAY" "$(token cnipa-lead)" catalogue/src/main/resources/plans/ip-2021-2025.yaml \
      "$plan" $(((rows + 24) / 25))
    local reporter; reporter=$(token cnipa-reporter)
    as_pg_superuser java -cp "$TARGET/classes:$(pg_jar)" BulkSubmission "$GATEWAY" "$reporter" "$JDBC" "$plan" \
      "$rows" 3 0 >/dev/null
    cpu_snapshot "$OUT/$label.cpu0"
    as_pg_superuser java -cp "$TARGET/classes:$(pg_jar)" BulkSubmission "$GATEWAY" "$reporter" "$JDBC" "$plan" \
      "$rows" 0 5 >"$OUT/$label.txt"
    cpu_snapshot "$OUT/$label.cpu1"
    echo "cpu_ms_per_row $(cpu_per_request "$OUT/$label.cpu0" "$OUT/$label.cpu1" $((rows * 5)))" >>"$OUT/$label.txt"
  ) >"$OUT/$label.log" 2>&1 || { cat "$OUT/$label.log" >&2; exit 1; }
  values() { grep -o "$1=[0-9-]*" "$OUT/$label.txt" | cut -d= -f2 | paste -sd' '; }
  printf '%-8s %s  rows/s %s  visible after 202, ms: %s  CPU per row, ms: %s\n' "$label" \
    "$(git -C "$tree" rev-parse --short HEAD)" "$(values rows_per_s)" "$(values visible_after_202_ms)" \
    "$(sed -n 's/^cpu_ms_per_row //p' "$OUT/$label.txt")"
}

for pair in $(seq 1 "$PAIRS"); do
  one_stack "$BASE_TREE" "base.$pair"
  one_stack "$HERE" "this.$pair"
done
git worktree remove --force "$BASE_TREE"
