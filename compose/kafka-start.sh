#!/bin/bash
# Starts the compose Kafka secured as ./sluice up runs it: clients over SASL_SSL with SCRAM-SHA-512 (port 9092), the
# administrator and the controller over SASL_SSL with PLAIN (9094, 9093), the StandardAuthorizer refusing whatever no
# ACL allows. The configuration holding the administrator's password is written owner-only, never to a command line.
set -euo pipefail
TLS=/run/sluice/tls
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD in .env}"
CONFIG=$(mktemp -d)/server.properties
umask 077
KEYSTORE_PASSWORD=$(cat "$TLS/keystore.password")
JAAS="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"sluice-admin\" password=\"$KAFKA_ADMIN_PASSWORD\" user_sluice-admin=\"$KAFKA_ADMIN_PASSWORD\";"
cat > "$CONFIG" <<PROPERTIES
node.id=${KAFKA_NODE_ID:-1}
process.roles=broker,controller
controller.quorum.voters=${KAFKA_VOTERS:-1@kafka:9093}
listeners=CLIENTS://:9092,CONTROLLER://:9093,BROKER://:9094
advertised.listeners=CLIENTS://${KAFKA_HOST:-kafka}:9092,BROKER://${KAFKA_HOST:-kafka}:9094
listener.security.protocol.map=CLIENTS:SASL_SSL,CONTROLLER:SASL_SSL,BROKER:SASL_SSL
inter.broker.listener.name=BROKER
controller.listener.names=CONTROLLER
sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN
listener.name.clients.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.broker.sasl.enabled.mechanisms=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.inter.broker.protocol=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.broker.plain.sasl.jaas.config=$JAAS
listener.name.controller.plain.sasl.jaas.config=$JAAS
listener.name.clients.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
ssl.keystore.type=PKCS12
ssl.keystore.location=$TLS/kafka.p12
ssl.keystore.password=$KEYSTORE_PASSWORD
ssl.truststore.type=PEM
ssl.truststore.location=$TLS/ca.crt
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:sluice-admin
log.dirs=/var/lib/kafka/data
default.replication.factor=${SLUICE_REPLICATION_FACTOR:-1}
min.insync.replicas=${SLUICE_MIN_INSYNC_REPLICAS:-1}
unclean.leader.election.enable=false
offsets.topic.replication.factor=${SLUICE_REPLICATION_FACTOR:-1}
transaction.state.log.replication.factor=${SLUICE_REPLICATION_FACTOR:-1}
transaction.state.log.min.isr=${SLUICE_MIN_INSYNC_REPLICAS:-1}
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPERTIES
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "${KAFKA_CLUSTER_ID:-sluice-compose-cluster1}" --config "$CONFIG" > /dev/null
exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
