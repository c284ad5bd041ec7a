#!/usr/bin/env bash
# The services' JVM options (PLANWATCH_JVM_OPTS), chosen by measurement: the default (the full tiered compiler, serial
# GC, 256 MiB heap) against C1 only (quick to start, what test stacks run) and against G1 with a larger heap, side by
# side in one run, each after a warm-up until steady. See perf/compare-stacks.sh for how; writes the "jvm-options"
# section of docs/benchmarks.md: throughput against footprint.
set -euo pipefail
cd "$(dirname "$0")/.."
export PERF_SECTION=jvm-options PERF_TITLE="The services' JVM options: throughput against footprint"
export PERF_VARIANTS="default: tiered (C1 + C2), serial GC, 256 MiB|PLANWATCH_JVM_OPTS=-Xms64m_-Xmx256m_-XX:+UseSerialGC_-Xss512k
C1 only, serial GC, 256 MiB|PLANWATCH_JVM_OPTS=-Xms64m_-Xmx256m_-XX:+UseSerialGC_-XX:TieredStopAtLevel=1_-Xss512k
tiered, G1, 512 MiB|PLANWATCH_JVM_OPTS=-Xms128m_-Xmx512m_-XX:+UseG1GC_-Xss512k"
exec perf/compare-stacks.sh "$@"
