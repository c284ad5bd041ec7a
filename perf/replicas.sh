#!/usr/bin/env bash
# One instance of each service and of the gateway vs two (PLANWATCH_REPLICAS), side by side in one run: ingestion and
# national-view throughput, where the CPU goes, memory. See perf/compare-stacks.sh for how; writes the "replicas"
# section of docs/benchmarks.md. On 2 cores a second instance cannot double anything: the figure is what it costs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PERF_SECTION=replicas PERF_TITLE="One instance of everything vs two"
export PERF_VARIANTS="1 instance of each|PLANWATCH_REPLICAS=1
2 instances of each|PLANWATCH_REPLICAS=2"
exec perf/compare-stacks.sh "$@"
