#!/usr/bin/env bash
# Starts the whole PlanWatch product on real local infrastructure (Kafka, PostgreSQL, every service), without Docker.
# Data stays in ./.data (PLANWATCH_DATA) across restarts; logs in ./.data/logs. Ctrl-C stops everything.
# Settings the launcher reads: PLANWATCH_DATA, PLANWATCH_SERVICES (none | a,b), PLANWATCH_JVM_OPTS and
# PLANWATCH_<SERVICE>_JVM_OPTS, PLANWATCH_PG_PORT, PLANWATCH_KAFKA_PORT, PLANWATCH_KAFKA_CONTROLLER_PORT,
# PLANWATCH_REPLICAS (instances of each backend service and of the gateway) and PLANWATCH_<SERVICE>_REPLICAS
# (e.g. PLANWATCH_INDICATOR_SERVICE_REPLICAS=3).
#
#   ./run.sh restart   asks the running launcher to restart every service instance, one at a time, each once the one
#                      before is ready again (a rolling restart); its progress shows in the launcher's output.
set -euo pipefail
cd "$(dirname "$0")"

if [[ "${1:-}" == restart ]]; then
  data="${PLANWATCH_DATA:-.data}"
  pid="$(head -n 1 "$data/pids/launcher.pid" 2>/dev/null || true)"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
    echo "PlanWatch is not running on $data: nothing to restart." >&2
    exit 1
  fi
  # The launcher takes the request file on its next look (twice a second): see RollingRestart.
  touch "$data/restart-request"
  echo "rolling restart requested from the launcher (pid $pid); its output shows each instance as it restarts."
  exit 0
fi

# Every jar the stack runs; the launcher's own service list is StackLayout.DEFAULT_START_GROUPS.
JARS=(
  launcher/target/launcher.jar
  auth-server/target/auth-server.jar
  indicator-service/target/indicator-service.jar
  programme-service/target/programme-service.jar
  reporting-service/target/reporting-service.jar
  gateway/target/gateway.jar
)

# Rebuild when a jar is missing or any pom.xml or source file anywhere is newer than it: services also embed the
# shared modules (contracts, catalogue), so a module's own sources are not enough to tell.
needs_build() {
  local jar
  for jar in "${JARS[@]}"; do
    [[ -f "$jar" ]] || return 0
    if [[ -n "$(find . \( -name .git -o -name .data -o -name target -o -name node_modules \) -prune -o \
                  \( -name pom.xml -o -path '*/src/*' \) -type f -newer "$jar" -print -quit)" ]]; then
      return 0
    fi
  done
  return 1
}

if needs_build; then
  echo "building… (./mvnw -DskipTests package)"
  ./mvnw -q -B -DskipTests package
  # Maven leaves a jar untouched when its classes did not change (a test edit, say); mark them all as current.
  touch -c "${JARS[@]}"
fi

# exec: Ctrl-C then goes straight to the launcher JVM, which stops the stack in order.
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar launcher/target/launcher.jar "$@"
