#!/bin/bash
# docker-compose's one-shot setup, in the Elasticsearch image (which has elasticsearch-certutil), the pattern of Elastic's
# own compose example. Phase "certs" (before anything starts): a CA and a certificate per server, a password per Kafka
# user, the ingest tokens; each service's share in a volume only that service mounts. Phase "elasticsearch" (once the node
# is healthy): kibana_system's password, and an API key per Sluice service whose role descriptors are exactly its
# privileges (compose/elasticsearch-roles/, generated from ElasticsearchPrincipal), expiring in 90 days: run
#   docker compose run --rm setup-elasticsearch
# to rotate them (then restart indexer). Nothing secret is printed; secrets come from .env or are made here.
set -euo pipefail

OUT=/run/sluice-setup            # every volume this script fills is mounted under here
SLUICE_UID=10001                 # the user the Sluice images run as (Dockerfile)
VENDOR_UID=1000                  # elasticsearch and apache/kafka run as uid 1000

require() {
  for name in "$@"; do
    if [ -z "${!name:-}" ]; then echo "setup: set $name in .env (see .env.example)" >&2; exit 1; fi
  done
}

secret() {  # secret FILE: 32 random bytes, base64url, made once
  [ -s "$1" ] || head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$1"
  cat "$1"
}

owner_only() {  # owner_only UID DIR...
  local uid=$1; shift
  for dir in "$@"; do chown -R "$uid:0" "$dir"; find "$dir" -type d -exec chmod 750 {} +; find "$dir" -type f -exec chmod 640 {} +; done
}

certs() {
  require ELASTIC_PASSWORD KIBANA_PASSWORD KAFKA_ADMIN_PASSWORD
  local ca=$OUT/ca work
  work=$(mktemp -d)
  if [ ! -f "$ca/ca.crt" ]; then
    bin/elasticsearch-certutil ca --silent --pem --days 3650 -out "$work/ca.zip"
    unzip -q -o "$work/ca.zip" -d "$work" && cp "$work/ca/ca.crt" "$work/ca/ca.key" "$ca/"
  fi
  cat > "$work/instances.yml" <<INSTANCES
instances:
  - name: elasticsearch
    dns: [${ELASTICSEARCH_NODES:-elasticsearch}, localhost]
    ip: [127.0.0.1]
  - name: ingest
    dns: [ingest, localhost, ${INGEST_PUBLIC_HOST:-localhost}]
    ip: [127.0.0.1]
INSTANCES
  if [ ! -f "$OUT/elasticsearch/tls/elasticsearch.crt" ]; then
    bin/elasticsearch-certutil cert --silent --pem --days 397 --in "$work/instances.yml" --ca-cert "$ca/ca.crt" --ca-key "$ca/ca.key" -out "$work/certs.zip"
    unzip -q -o "$work/certs.zip" -d "$work/certs"
    mkdir -p "$OUT/elasticsearch/tls" "$OUT/ingest/tls"
    cp "$work/certs/elasticsearch/"* "$OUT/elasticsearch/tls/"
    cp "$work/certs/ingest/"* "$OUT/ingest/tls/"
  fi
  # Kafka takes a PKCS#12 key store; its password is the broker's own secret
  mkdir -p "$OUT/kafka/tls"
  if [ ! -f "$OUT/kafka/tls/kafka.p12" ]; then
    bin/elasticsearch-certutil cert --silent --days 397 --name kafka --dns "${KAFKA_NODES:-kafka},localhost" --ca-cert "$ca/ca.crt" --ca-key "$ca/ca.key" \
      --pass "$(secret "$OUT/kafka/tls/keystore.password")" --out "$OUT/kafka/tls/kafka.p12"
  fi
  for dir in elasticsearch kafka ingest stream-processor indexer alerting kibana operator; do
    mkdir -p "$OUT/$dir/tls" "$OUT/$dir/env" && cp "$ca/ca.crt" "$OUT/$dir/tls/ca.crt"
  done
  # one Kafka user per service (SCRAM-SHA-512; kafka-setup gives them their credentials and ACLs); Spring reads env/ as a config tree
  secret "$OUT/ingest/env/SLUICE_KAFKA_PASSWORD" > /dev/null
  secret "$OUT/stream-processor/env/SLUICE_KAFKA_PASSWORD" > /dev/null
  secret "$OUT/indexer/env/SLUICE_KAFKA_PASSWORD" > /dev/null
  secret "$OUT/indexer/env/SLUICE_VERIFIER_KAFKA_PASSWORD" > /dev/null   # the indexer's scheduled verify reads as sluice-verifier
  secret "$OUT/alerting/env/SLUICE_KAFKA_PASSWORD" > /dev/null
  secret "$OUT/operator/kafka-sluice-operator.password" > /dev/null
  secret "$OUT/operator/kafka-sluice-shipper.password" > /dev/null
  # ingest tokens: the operator's (unbound) in the operator's volume, only its digest where ingest reads it
  local token digest
  token=$( [ -s "$OUT/operator/ingest-token" ] && cat "$OUT/operator/ingest-token" || { printf 'sluice_'; secret "$OUT/operator/ingest-token.raw"; } )
  printf '%s' "$token" > "$OUT/operator/ingest-token" && rm -f "$OUT/operator/ingest-token.raw"
  digest=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
  [ -f "$OUT/ingest/ingest-tokens" ] || printf '# <name> <service or *> sha256:<digest>\n' > "$OUT/ingest/ingest-tokens"
  grep -q "^operator " "$OUT/ingest/ingest-tokens" || echo "operator * sha256:$digest" >> "$OUT/ingest/ingest-tokens"
  # the replay endpoint: the operator holds the token, the indexer its digest
  token=$(secret "$OUT/operator/replay-token")
  printf 'sha256:%s' "$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)" > "$OUT/indexer/env/SLUICE_INDEXER_REPLAY_TOKEN_DIGEST"
  owner_only "$VENDOR_UID" "$OUT/elasticsearch" "$OUT/kafka" "$OUT/kibana"
  owner_only "$SLUICE_UID" "$OUT/ingest" "$OUT/stream-processor" "$OUT/indexer" "$OUT/alerting"
  owner_only 0 "$OUT/operator" "$ca"
  rm -rf "$work"
  echo "setup: certificates, passwords and tokens are in place"
}

elasticsearch() {
  require ELASTIC_PASSWORD KIBANA_PASSWORD
  local es=https://elasticsearch:9200 cacert=$OUT/elasticsearch/tls/ca.crt
  until curl -s --cacert "$cacert" "$es" | grep -q "missing authentication credentials"; do sleep 5; done
  until curl -s -X POST --cacert "$cacert" -u "elastic:$ELASTIC_PASSWORD" -H 'Content-Type: application/json' \
      "$es/_security/user/kibana_system/_password" -d "{\"password\":\"$KIBANA_PASSWORD\"}" | grep -q '^{}'; do sleep 5; done
  for role in /sluice-compose/elasticsearch-roles/*.json; do
    local name target answer encoded
    name=$(basename "$role" .json)
    answer=$(curl -sf -X POST --cacert "$cacert" -u "elastic:$ELASTIC_PASSWORD" -H 'Content-Type: application/json' "$es/_security/api_key" \
      -d "{\"name\":\"$name\",\"expiration\":\"90d\",\"role_descriptors\":$(cat "$role")}")
    encoded=$(printf '%s' "$answer" | sed -n 's/.*"encoded":"\([^"]*\)".*/\1/p')
    [ -n "$encoded" ] || { echo "setup: no API key for $name" >&2; exit 1; }
    case "$name" in
      sluice-indexer) target=$OUT/indexer/env/SLUICE_ELASTICSEARCH_AUTHORIZATION ;;
      sluice-audit-retention) target=$OUT/indexer/env/SLUICE_ELASTICSEARCH_AUDIT_RETENTION_AUTHORIZATION ;;
      sluice-verifier) target=$OUT/indexer/env/SLUICE_VERIFIER_ELASTICSEARCH_AUTHORIZATION ;;
      *) target=$OUT/operator/elasticsearch-$name.authorization ;;
    esac
    printf 'ApiKey %s' "$encoded" > "$target"
  done
  owner_only "$SLUICE_UID" "$OUT/indexer"
  owner_only 0 "$OUT/operator"
  echo "setup: kibana_system has its password; each Sluice service has its API key (90 days)"
}

case "${1:-}" in
  certs) certs ;;
  elasticsearch) elasticsearch ;;
  *) echo "usage: setup.sh certs|elasticsearch" >&2; exit 2 ;;
esac
