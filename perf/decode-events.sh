#!/usr/bin/env bash
# Reading observation bodies: the mapper binding each into its record against the decoder the consumers use, side by
# side in one JVM with the services' default JVM options, PERF_ROUNDS (24) alternating rounds of 200,000 bodies each
# way, the first PERF_WARM_ROUNDS (12) not counted. No stack: contracts and its dependencies only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${PERF_ROUNDS:-24}
WARM_ROUNDS=${PERF_WARM_ROUNDS:-12}
OUT=perf/target/decode-events
mkdir -p "$OUT/classes"
./mvnw -q -B install -pl contracts -am -DskipTests
./mvnw -q -B -pl contracts dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/classpath.txt" >/dev/null
CLASSPATH_OF_CONTRACTS=contracts/target/classes:$(cat "$OUT/classpath.txt")
javac -nowarn -encoding UTF-8 -cp "$CLASSPATH_OF_CONTRACTS" -d "$OUT/classes" perf/java/decode/DecodeEvents.java
# The services' default JVM options (launcher StackLayout.DEFAULT_JVM_OPTIONS).
java -Xms64m -Xmx256m -XX:+UseSerialGC -Xss512k -cp "$OUT/classes:$CLASSPATH_OF_CONTRACTS" DecodeEvents \
  "$ROUNDS" "$WARM_ROUNDS"
