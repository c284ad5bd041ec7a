#!/usr/bin/env bash
# Where the gateway's CPU goes, filter by filter, on a read and on a report, after the JIT has settled:
#
#   - one stack, warmed up as perf/pipeline.sh warms it (until steady and the JIT compilers under PERF_JIT_SETTLED %);
#   - for each of a read (GET /api/v1/indicators/IND-01) and a report (POST …/observations), both through the
#     gateway: PERF_DURATION (20) s unrecorded for the gateway's CPU per request, then as long again under a JFR
#     recording of the gateway (settings=profile);
#   - perf/java/FilterAccount.java gives each sample to the innermost filter on its stack, else to the library that
#     ran it between filters, and each row its share of the gateway's CPU per request.
#
# The stack runs with JFR's stack depth at PERF_JFR_STACK_DEPTH (1024) instead of 64: a request's stack in a
# reactive server is hundreds of frames deep, and a sample cut at 64 frames loses the filters that ran it.
# Writes the gateway-filters section of docs/benchmarks.md. Settings (environment): PERF_PORT_OFFSET (300),
# PERF_DURATION (20), PERF_CONNECTIONS (16), PERF_WARM_WINDOWS (30), PERF_JIT_SETTLED (5), PERF_JFR_STACK_DEPTH
# (1024), PERF_DOC (docs/benchmarks.md; empty: no document).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/lib.sh
source perf/lib.sh

load_settings 20 30
STACK_DEPTH=${PERF_JFR_STACK_DEPTH:-1024}
DOC=${PERF_DOC-docs/benchmarks.md}
SECTION=gateway-filters
CURRENT_DATA=$TARGET/$SECTION-data
RESULTS=$TARGET/$SECTION-results

# Through the environment every JVM of the stack inherits, on top of whatever options the launcher gives each: the
# depth matters only where a recording runs (the gateway's, below).
export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:+$JAVA_TOOL_OPTIONS }-XX:FlightRecorderOptions:stackdepth=$STACK_DEPTH"
RUN_DATE=$(date -u +%FT%TZ)
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo "+uncommitted changes")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
start_own_stack
log "stack up after $UP_S s"

REPORTER=$(token cnipa-reporter)
LEAD=$(token cnipa-lead)
OBSERVE=$GATEWAY/api/v1/indicators/IND-01/observations
READ=$GATEWAY/api/v1/indicators/IND-01
warm_until_steady "$WARM_WINDOWS" warm_window_load
log "warm-up: steady $STEADY"
REPORTER=$(token cnipa-reporter)
GATEWAY_PID=$(service_pid gateway)

# measure KIND SCRIPT URL: the gateway's CPU per request unrecorded, then the same load recorded; prints the account.
measure() {
  local kind=$1 script=$2 url=$3 ms
  run_wrk "$kind" "$script" "$url" "$REPORTER"
  jcmd "$GATEWAY_PID" JFR.start name="$kind" settings=profile filename="$RESULTS/$kind.jfr" >/dev/null
  run_wrk "$kind-recorded" "$script" "$url" "$REPORTER"
  jcmd "$GATEWAY_PID" JFR.stop name="$kind" >/dev/null
  ms=$(tr ' ' '\n' <"$RESULTS/$kind.cpums" | awk -F= '$1 == "gateway" { print $2 }')
  helper FilterAccount "$RESULTS/$kind.jfr" "$ms" >"$RESULTS/$kind.account.md"
}
measure read get.lua "$READ"
measure report observe.lua "$OBSERVE"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

REPORT=$RESULTS/report.md
{
  echo "<!-- $SECTION:begin -->"
  echo "\`perf/gateway-filters.sh\` at \`$COMMIT\`, $RUN_DATE, $(nproc) cores ($(uname -m)) shared with other work; load average"
  echo "$LOAD_BEFORE at the start, $LOAD_AFTER at the end. One stack, warm-up in 10 s windows until two in a row were within"
  echo "10 % and the JIT compilers took under $JIT_SETTLED % of the stack's CPU in the second ($STEADY); then"
  echo "$DURATION s of each load unrecorded (the CPU figures) and $DURATION s recorded (JFR \`settings=profile\`, stack depth $STACK_DEPTH), $CONNS connections."
  for kind in read report; do
    echo
    if [[ $kind == read ]]; then echo "**A read**, \`GET /api/v1/indicators/IND-01\` through the gateway:"
    else echo "**A report**, \`POST /api/v1/indicators/IND-01/observations\` through the gateway:"; fi
    echo "$(field "$RESULTS/$kind.txt" rps) req/s unrecorded ($(field "$RESULTS/$kind-recorded.txt" rps) recorded); CPU ms per request by component: $(cat "$RESULTS/$kind.cpums")."
    echo
    cat "$RESULTS/$kind.account.md"
  done
  echo "<!-- $SECTION:end -->"
} >"$REPORT"
cat "$REPORT"
write_doc_section "$SECTION" "$REPORT" "$DOC"
