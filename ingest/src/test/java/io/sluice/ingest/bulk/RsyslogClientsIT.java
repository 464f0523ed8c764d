package io.sluice.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.ingest.IngestIntegrationTest;
import io.sluice.json.Json;
import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.rsyslog.Rsyslog;
import io.sluice.testing.SluiceRuntimeExtension;
import io.sluice.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Real rsyslog as a shipper, both ways it can reach Sluice: its Elasticsearch output against the
 * {@code _bulk} endpoint, and its Kafka output straight into {@code logs.raw.v1}. (.ci/run installs
 * rsyslog, rsyslog-elasticsearch and rsyslog-kafka.)
 */
@IngestIntegrationTest
class RsyslogClientsIT {

    /** The JSON line rsyslog sends: ECS names from syslog properties (msg without syslog's leading space). */
    private static final String ECS_TEMPLATE = """
            set $.message = ltrim($msg);
            template(name="sluiceEcs" type="list" option.jsonf="on") {
              property(outname="@timestamp" name="timereported" dateFormat="rfc3339" format="jsonf")
              property(outname="host.name" name="hostname" format="jsonf")
              property(outname="service.name" name="programname" format="jsonf")
              property(outname="log.level" name="syslogseverity-text" format="jsonf")
              property(outname="message" name="$.message" format="jsonf")
            }
            """;


    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @BeforeEach
    void needsRsyslog() {
        assumeTrue(Rsyslog.installed(), "rsyslog is not installed (apt-get install rsyslog rsyslog-elasticsearch rsyslog-kafka)");
    }

    private static List<ConsumerRecord<String, byte[]>> rawRecordsMentioning(String marker, int expected) {
        return TopicRecords.read(SluiceRuntimeExtension.platform().kafka(), Topics.RAW.name(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker), expected, Duration.ofSeconds(45));
    }

    @Test
    void rsyslogElasticsearchOutputShouldShipThroughBulk() {
        String tag = "rs-es-" + UUID.randomUUID().toString().substring(0, 8);
        // over HTTPS trusting the local CA, with a user and a password as Elasticsearch outputs log in: the token is the password
        io.sluice.tokens.IngestAccess ingest = io.sluice.ingest.PlatformKafka.ingestAt(port);
        String actions = "module(load=\"omelasticsearch\")\n" + ECS_TEMPLATE
                + "action(type=\"omelasticsearch\" server=\"localhost\" serverport=\"" + port + "\" template=\"sluiceEcs\""
                + " usehttps=\"on\" tls.cacert=\"" + ingest.trustedCertificates() + "\" uid=\"rsyslog\" pwd=\"" + ingest.token() + "\""
                + " searchIndex=\"rsyslog\" bulkmode=\"on\" action.resumeRetryCount=\"-1\""
                + " errorFile=\"" + dir.resolve("es-errors.json") + "\")";
        try (Rsyslog rsyslog = Rsyslog.start(dir, actions)) {
            for (int i = 0; i < 20; i++) {
                rsyslog.log(tag, i % 5 == 0 ? "user.err" : "user.info", "via omelasticsearch #" + i);
            }

            List<ConsumerRecord<String, byte[]>> records = rawRecordsMentioning(tag, 20);

            assertThat(records).as(rsyslog.output()).hasSize(20);
            assertThat(records).allSatisfy(record -> assertThat(record.key()).isEqualTo(tag));
            JsonNode first = Json.MAPPER.readTree(records.get(0).value());
            assertThat(first.path("message").asString()).startsWith("via omelasticsearch #");
            assertThat(records).extracting(record -> Json.MAPPER.readTree(record.value()).path("log.level").asString())
                    .contains("err", "info");
        }
    }

    @Test
    void rsyslogKafkaOutputShouldPublishRawRecordsDirectly() {
        String tag = "rs-kafka-" + UUID.randomUUID().toString().substring(0, 8);
        // rsyslog ships straight to Kafka as a shipper does: over TLS, as the shipper user (librdkafka's names; PLAIN,
        // as Debian's librdkafka 2.0.2 cannot complete SCRAM with a Kafka 4 broker)
        KafkaAccess shipper = SluiceRuntimeExtension.platform().kafkaAs(KafkaPrincipal.SHIPPER);
        String actions = "module(load=\"omkafka\")\n" + ECS_TEMPLATE
                + "action(type=\"omkafka\" topic=\"" + Topics.RAW.name() + "\" template=\"sluiceEcs\""
                + " broker=[\"" + shipper.bootstrapServers() + "\"]"
                + " confParam=[\"acks=all\", \"enable.idempotence=true\", \"security.protocol=SASL_SSL\","
                + " \"sasl.mechanisms=PLAIN\", \"sasl.username=" + shipper.username() + "\","
                + " \"sasl.password=" + shipper.password() + "\", \"ssl.ca.location=" + shipper.trustedCertificates() + "\"])";
        try (Rsyslog rsyslog = Rsyslog.start(dir, actions)) {
            for (int i = 0; i < 10; i++) {
                rsyslog.log(tag, "local0.warning", "via omkafka #" + i);
            }

            List<ConsumerRecord<String, byte[]>> records = rawRecordsMentioning(tag, 10);

            assertThat(records).as(rsyslog.output()).hasSize(10);
            assertThat(Json.MAPPER.readTree(records.get(0).value()).path("service.name").asString()).isEqualTo(tag);
        }
    }
}
