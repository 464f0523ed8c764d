#!/bin/bash
# One shot, once Kafka answers: the topics, a SCRAM-SHA-512 credential for each Sluice user (passwords made by setup.sh),
# and exactly the ACLs of compose/kafka-acls.txt (generated from KafkaPrincipal). As the administrator, on the broker
# listener. Safe to run again: topics and ACLs that exist stay, credentials are set to the same passwords.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD in .env}"
umask 077
ADMIN=$(mktemp -d)/admin.properties
cat > "$ADMIN" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="sluice-admin" password="$KAFKA_ADMIN_PASSWORD";
ssl.truststore.type=PEM
ssl.truststore.location=/run/sluice/operator/tls/ca.crt
PROPERTIES
BIN=/opt/kafka/bin
BOOTSTRAP=${KAFKA_ADMIN_BOOTSTRAP:-kafka:9094}
RF=${SLUICE_REPLICATION_FACTOR:-1}
REPLICATION=(--replication-factor "$RF" --config "min.insync.replicas=${SLUICE_MIN_INSYNC_REPLICAS:-1}" --config unclean.leader.election.enable=false)
for spec in logs.raw.v1:3 logs.enriched.v1:3 logs.dlq.v1:1 alerts.v1:1; do
  $BIN/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --create --if-not-exists \
    --topic "${spec%%:*}" --partitions "${spec##*:}" "${REPLICATION[@]}"
done
$BIN/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --create --if-not-exists \
  --topic services.catalog.v1 --partitions 1 "${REPLICATION[@]}" --config cleanup.policy=compact

scram() {  # scram USER PASSWORD_FILE (the password goes in a file kafka-configs reads, never on its command line)
  local file
  file=$(mktemp)
  printf 'SCRAM-SHA-512=[iterations=8192,password=%s]\n' "$(cat "$2")" > "$file"
  $BIN/kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --alter --entity-type users --entity-name "$1" \
    --add-config-file "$file"
  rm -f "$file"
}
scram sluice-ingest /run/sluice/ingest/env/SLUICE_KAFKA_PASSWORD
scram sluice-processor /run/sluice/stream-processor/env/SLUICE_KAFKA_PASSWORD
scram sluice-indexer /run/sluice/indexer/env/SLUICE_KAFKA_PASSWORD
scram sluice-verifier /run/sluice/indexer/env/SLUICE_VERIFIER_KAFKA_PASSWORD
scram sluice-alerting /run/sluice/alerting/env/SLUICE_KAFKA_PASSWORD
scram sluice-operator /run/sluice/operator/kafka-sluice-operator.password
scram sluice-shipper /run/sluice/operator/kafka-sluice-shipper.password

grep -v '^#' /sluice-compose/kafka-acls.txt | while read -r principal type pattern resource operations; do
  case "$type" in
    TOPIC) target=(--topic "$resource") ;;
    GROUP) target=(--group "$resource") ;;
    TRANSACTIONAL_ID) target=(--transactional-id "$resource") ;;
    *) echo "kafka-setup: unknown resource type $type" >&2; exit 1 ;;
  esac
  ops=()
  for operation in ${operations//,/ }; do ops+=(--operation "$operation"); done
  $BIN/kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --add --allow-principal "$principal" \
    --resource-pattern-type "${pattern,,}" "${target[@]}" "${ops[@]}" > /dev/null
done
echo "kafka-setup: topics, users and ACLs in place"
