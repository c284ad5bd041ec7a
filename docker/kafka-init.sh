#!/bin/bash
# Run once by the kafka-init job of docker-compose.yml before the services start, inside the broker's network
# namespace: it talks to the broker on its loopback listener (127.0.0.1:9094), which no other container can reach
# and whose connections the broker treats as its super user. From docker/kafka-acls.txt it creates the topics, one
# SCRAM-SHA-512 user per principal (password from KAFKA_<SERVICE>_PASSWORD, e.g. KAFKA_INDICATOR_PASSWORD for
# indicator-service, KAFKA_AUTH_SERVER_PASSWORD for auth-server) and the ACLs. Safe to run again: each step adds what
# is missing and changes nothing else.
set -euo pipefail

ACLS=${PLANWATCH_KAFKA_ACLS:-/planwatch/kafka-acls.txt}
BROKER=127.0.0.1:9094
BIN=/opt/kafka/bin
PARTITIONS=${KAFKA_TOPIC_PARTITIONS:-3}
REPLICATION=${KAFKA_TOPIC_REPLICATION_FACTOR:-1}
MIN_INSYNC=${KAFKA_TOPIC_MIN_INSYNC_REPLICAS:-1}

entries() { grep -E "^$1[[:space:]]" "$ACLS"; }

entries topic | while read -r _ topic; do
  "$BIN/kafka-topics.sh" --bootstrap-server "$BROKER" --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor "$REPLICATION" --config "min.insync.replicas=$MIN_INSYNC"
done

for principal in $(entries allow | awk '{print $2}' | sort -u); do
  var="KAFKA_$(echo "${principal%-service}" | tr '[:lower:]-' '[:upper:]_')_PASSWORD"
  password="${!var:-}"
  if [[ -z "$password" ]]; then
    echo "kafka-init: $var is not set (the password of Kafka user $principal)" >&2
    exit 1
  fi
  "$BIN/kafka-configs.sh" --bootstrap-server "$BROKER" --alter --entity-type users --entity-name "$principal" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]"
done

entries allow | while read -r _ principal operation resource pattern name; do
  "$BIN/kafka-acls.sh" --bootstrap-server "$BROKER" --add --allow-principal "User:$principal" \
    --operation "$operation" "--$resource" "$name" --resource-pattern-type "$pattern"
done
echo "kafka-init: topics, users and ACLs of $ACLS are in place"
