#!/usr/bin/env bash
# Does one plan's national view cost more when the log holds many plans? Starts the whole stack as ./run.sh would
# (its own data dir, ports moved by PERF_PORT_OFFSET, 300 by default), reports a realistic history to the shipped
# plan, and measures its national view (live and as of an instant) against a control read that touches no plan (the
# gateway's GET /api/v1/me), alternating, PERF_ROUNDS rounds. Then publishes PERF_PLANS − 1 more plans of the same size
# (copies of the shipped document under other ids) over the API, reports the same history to each, waits until the
# last plan's national view shows its last report, and measures again. The figure is the ratio of ratios: (view ÷
# control with many plans) ÷ (view ÷ control with one plan) — 1.00 means "costs the same"; the control cancels the
# machine's drift between the two phases. Writes the section between the many-plans markers of docs/benchmarks.md.
#
# Settings (environment): PERF_PORT_OFFSET (300), PERF_PLANS (50), PERF_DURATION (10 s per wrk run), PERF_ROUNDS (3),
# PERF_CONNECTIONS (8), PERF_DOC (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=perf/lib.sh
source perf/lib.sh

PLANS=${PERF_PLANS:-50}
DURATION=${PERF_DURATION:-10}
ROUNDS=${PERF_ROUNDS:-3}
CONNS=${PERF_CONNECTIONS:-8}
THREADS=2
DOC=${PERF_DOC:-docs/benchmarks.md}
CURRENT_DATA=$TARGET/many-plans-data
LAUNCHER_OUT=$TARGET/launcher-many-plans.out
RESULTS=$TARGET/many-plans-results
SHIPPED=catalogue/src/main/resources/plans/ip-2021-2025.yaml

# --report-only writes perf/many-plans.md and the section of docs/benchmarks.md again from the last run's results.
if [[ ${1:-} == --report-only ]]; then
  [[ -f $RESULTS/run.env ]] || { echo "no run to report on in $RESULTS" >&2; exit 1; }
  # shellcheck disable=SC1090
  source "$RESULTS/run.env"
else
prepare_stack_benchmark
rm -rf "$CURRENT_DATA" "$RESULTS" "$LAUNCHER_OUT"
mkdir -p "$RESULTS"
RUN_DATE=$(date -u +%FT%TZ)
COMMIT=$(git rev-parse --short HEAD)

start_stack "$CURRENT_DATA" "$LAUNCHER_OUT"
await_healthy 300 "$LAUNCHER_OUT"
log "stack up after $UP_S s"
LEAD=$(token cnipa-lead)
declare -A REPORTERS

# report_history PLAN_PATH: for each annual indicator of the shipped plan, a value for each of its five years (its
# responsible agency reporting), on the way from baseline to target. PLAN_PATH is "" (the default plan) or
# "/plans/<id>". Prints the event id of the last report.
INDICATORS=$(curl -s -m 30 -H "Authorization: Bearer $LEAD" "$GATEWAY/api/v1/indicators" \
  | jq -r '.[] | select(.frequency == "ANNUAL") | [.code, .responsibleAgency,
      (.baseline.value // 0), .target.value] | @tsv')
[[ -n $INDICATORS ]] || { log "no annual indicators in GET /api/v1/indicators"; exit 1; }
report_history() {
  local plan_path=$1 code agency baseline target year value tok last=
  while IFS=$'\t' read -r code agency baseline target; do
    [[ -n ${REPORTERS[$agency]:-} ]] || REPORTERS[$agency]=$(token "$(echo "$agency" | tr 'A-Z' 'a-z')-reporter")
    tok=${REPORTERS[$agency]}
    for year in 2021 2022 2023 2024 2025; do
      value=$(calc '%.2f' "$baseline + ($target - $baseline) * ($year - 2020) / 5.5")
      last=$(curl -s -m 30 -X POST -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
        -d "{\"period\":\"$year\",\"value\":$value,\"comment\":\"基准测试 benchmark\"}" \
        "$GATEWAY/api/v1$plan_path/indicators/$code/observations" | jq -r '.eventId // empty')
      [[ -n $last ]] || { log "a report to $plan_path $code $year was refused"; exit 1; }
    done
  done <<<"$INDICATORS"
  echo "$last"
}

# await_in_view PLAN_PATH EVENT_ID: waits until the plan's national view shows the report.
await_in_view() {
  local deadline=$(( $(date +%s) + 300 ))
  until curl -s -m 30 -H "Authorization: Bearer $LEAD" "$GATEWAY/api/v1$1/national-view" | grep -q "$2"; do
    (( $(date +%s) < deadline )) || { log "$2 never reached the national view of ${1:-the default plan}"; exit 1; }
    sleep 1
  done
}

# measure PHASE: ROUNDS alternating rounds of the control, the live view and the view as of an instant.
measure() {
  local r
  for r in $(seq 1 "$ROUNDS"); do
    run_wrk "$1-control.$r" get.lua "$GATEWAY/api/v1/me" "$LEAD"
    run_wrk "$1-view.$r" get.lua "$GATEWAY/api/v1/national-view" "$LEAD"
    run_wrk "$1-as-of.$r" get.lua "$GATEWAY/api/v1/national-view?asOf=$AS_OF" "$LEAD"
  done
}

log "reporting the history of the shipped plan"
LAST=$(report_history "")
await_in_view "" "$LAST"
AS_OF=$(date -u +%FT%TZ)
# Warm-up long enough for the JIT to settle: the same reads, unmeasured.
DURATION_MEASURED=$DURATION; DURATION=20
run_wrk warm-up-view get.lua "$GATEWAY/api/v1/national-view" "$LEAD"
run_wrk warm-up-as-of get.lua "$GATEWAY/api/v1/national-view?asOf=$AS_OF" "$LEAD"
DURATION=$DURATION_MEASURED
measure one-plan

log "publishing $((PLANS - 1)) more plans of the same size, and their history"
SEED_BEGIN=$(date +%s)
for i in $(seq 2 "$PLANS"); do
  id=$(printf 'bench-%02d-2021-2025' "$i")
  status=$(sed "s/^  id: ip-2021-2025\$/  id: $id/" "$SHIPPED" | curl -s -m 60 -o "$RESULTS/publish-$id.json" \
    -w '%{http_code}' -X PUT -H "Authorization: Bearer $LEAD" -H 'Content-Type: application/yaml' \
    --data-binary @- "$GATEWAY/api/v1/plans/$id")
  [[ $status == 202 ]] || { log "publishing $id: $status $(cat "$RESULTS/publish-$id.json")"; exit 1; }
done
for i in $(seq 2 "$PLANS"); do
  id=$(printf 'bench-%02d-2021-2025' "$i")
  until [[ $(curl -s -o /dev/null -w '%{http_code}' -m 30 -H "Authorization: Bearer $LEAD" \
      "$GATEWAY/api/v1/plans/$id/indicators") == 200 ]]; do sleep 0.5; done
  LAST=$(report_history "/plans/$id")
done
await_in_view "/plans/$id" "$LAST"
SEED_S=$(( $(date +%s) - SEED_BEGIN ))
log "$PLANS plans in the log (seeded in $SEED_S s)"
DURATION=20
run_wrk warm-up-many-view get.lua "$GATEWAY/api/v1/national-view" "$LEAD"
DURATION=$DURATION_MEASURED
measure many-plans
INDICATOR_COUNT=$(echo "$INDICATORS" | wc -l)
declare -p PLANS SEED_S RUN_DATE COMMIT INDICATOR_COUNT ROUNDS DURATION CONNS >"$RESULTS/run.env"
fi

pooled() { for r in $(seq 1 "$ROUNDS"); do echo "$(field "$RESULTS/$1.$r.txt" requests) $(field "$RESULTS/$1.$r.txt" seconds)"; done \
  | awk '{ n += $1; s += $2 } END { printf "%.1f", n / s }'; }
p50() { for r in $(seq 1 "$ROUNDS"); do field "$RESULTS/$1.$r.txt" p50_ms; done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ratio() { calc '%.4f' "$(pooled "$1") / $(pooled "$2")"; }
V1=$(ratio one-plan-view one-plan-control); VN=$(ratio many-plans-view many-plans-control)
A1=$(ratio one-plan-as-of one-plan-control); AN=$(ratio many-plans-as-of many-plans-control)
VIEW_RATIO=$(calc '%.2f' "$VN / $V1"); AS_OF_RATIO=$(calc '%.2f' "$AN / $A1")
# The same, per round: round r of one phase against round r of the other.
per_round() { for r in $(seq 1 "$ROUNDS"); do calc '%.2f\n' "($(field "$RESULTS/many-plans-$1.$r.txt" rps) / $(field "$RESULTS/many-plans-control.$r.txt" rps)) / ($(field "$RESULTS/one-plan-$1.$r.txt" rps) / $(field "$RESULTS/one-plan-control.$r.txt" rps))"; done | paste -sd' '; }
# The spread between rounds of one phase is the noise the ratio is to be read against.
spread() { for r in $(seq 1 "$ROUNDS"); do calc '%.3f\n' "$(field "$RESULTS/$1-view.$r.txt" rps) / $(field "$RESULTS/$1-control.$r.txt" rps)"; done \
  | sort -n | awk '{ a[NR] = $1 } END { printf "%.4f–%.4f", a[1], a[NR] }'; }

SECTION=$(cat <<EOF
<!-- many-plans: written by perf/many-plans.sh; the rest of this file by perf/run-benchmarks.sh -->
## One plan's national view with 1 plan and with $PLANS plans in the log

\`perf/many-plans.sh\` (PERF_PLANS=$PLANS), $RUN_DATE, commit $COMMIT, on this 2-core shared machine. The shipped plan
(ip-2021-2025) gets $INDICATOR_COUNT annual indicators × 5 years of reports through the API; then $((PLANS - 1))
plans of the same size (the shipped document under other ids, published with \`PUT /api/v1/plans/{plan}\`) get the
same history each (seeded in $SEED_S s). Each phase: $ROUNDS alternating rounds of $DURATION s, $CONNS connections, lead
token, after 20 s of the same reads unmeasured; control = \`GET /api/v1/me\` (the gateway alone, no plan).

| read of the shipped plan | 1 plan: req/s (p50 ms) | $PLANS plans: req/s (p50 ms) | ÷ control, 1 plan | ÷ control, $PLANS plans | ratio $PLANS : 1 |
|---|---|---|---|---|---|
| \`GET /api/v1/national-view\` | $(pooled one-plan-view) ($(p50 one-plan-view)) | $(pooled many-plans-view) ($(p50 many-plans-view)) | $V1 (rounds $(spread one-plan)) | $VN (rounds $(spread many-plans)) | **$VIEW_RATIO** (rounds $(per_round view)) |
| \`GET /api/v1/national-view?asOf=…\` | $(pooled one-plan-as-of) ($(p50 one-plan-as-of)) | $(pooled many-plans-as-of) ($(p50 many-plans-as-of)) | $A1 | $AN | **$AS_OF_RATIO** (rounds $(per_round as-of)) |
| control \`GET /api/v1/me\` | $(pooled one-plan-control) ($(p50 one-plan-control)) | $(pooled many-plans-control) ($(p50 many-plans-control)) | — | — | — |

A ratio within the rounds' spread of 1.00 means the view of one plan costs the same whether the log holds one plan
or $PLANS: every read model is keyed by plan and the view reads only its own plan's rows.
<!-- /many-plans -->
EOF
)
echo "$SECTION" >perf/many-plans.md
log "national view $PLANS : 1 plan = $VIEW_RATIO (as of: $AS_OF_RATIO); written to perf/many-plans.md and $DOC"
if grep -q '<!-- many-plans' "$DOC"; then
  awk -v section="$SECTION" '/<!-- many-plans/ { print section; skip = 1; next } /<!-- \/many-plans -->/ { skip = 0; next } !skip' \
    "$DOC" >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"
else
  printf '\n%s\n' "$SECTION" >>"$DOC"
fi
