package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * What the test platform's broker refuses (it is the broker {@code ./sluice up} runs, configured the same
 * way): a client without TLS and credentials, a wrong password, and every service beyond its own ACLs. Each
 * refusal is paired with what the same principal may do, so a broker that refused everything would fail too.
 */
@SluiceIntegrationTest
class KafkaAccessControlIT {

    private static final Duration SHORT = Duration.ofSeconds(10);

    @Test
    void aClientWithoutTlsAndCredentialsIsRefused(TestPlatform platform) {
        KafkaAccess anonymous = KafkaAccess.plaintext(platform.kafkaAs(KafkaPrincipal.INGEST).bootstrapServers());
        try (Admin admin = Admin.create(anonymous.with(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAsSuch(TestPlatform platform) {
        KafkaAccess ingest = platform.kafkaAs(KafkaPrincipal.INGEST);
        KafkaAccess impostor = KafkaAccess.scram(ingest.bootstrapServers(), ingest.username(), "not-the-password",
                ingest.trustedCertificates());
        try (Admin admin = Admin.create(impostor.properties())) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void onlyTheShipperMayLogInWithPlainOnTheClientListener(TestPlatform platform) throws Exception {
        KafkaAccess shipper = platform.kafkaAs(KafkaPrincipal.SHIPPER);
        KafkaAccess shipperPlain = KafkaAccess.plain(shipper.bootstrapServers(), shipper.username(), shipper.password(),
                shipper.trustedCertificates());
        assertThat(send(shipperPlain, Topics.RAW.name()).offset()).isNotNegative();
        KafkaAccess ingest = platform.kafkaAs(KafkaPrincipal.INGEST);
        KafkaAccess ingestPlain = KafkaAccess.plain(ingest.bootstrapServers(), ingest.username(), ingest.password(),
                ingest.trustedCertificates());
        try (Admin admin = Admin.create(ingestPlain.properties())) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void ingestWritesRawLogsAndReadsNothing(TestPlatform platform) throws Exception {
        KafkaAccess ingest = platform.kafkaAs(KafkaPrincipal.INGEST);
        assertThat(send(ingest, Topics.RAW.name()).offset()).isNotNegative();
        assertThatThrownBy(() -> readFromStart(ingest, Topics.ENRICHED.name())).isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readFromStart(ingest, Topics.DLQ.name())).isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(ingest, Topics.ENRICHED.name())).hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theIndexerReadsWhatItIndexesAndCannotWriteRawLogs(TestPlatform platform) throws Exception {
        KafkaAccess indexer = platform.kafkaAs(KafkaPrincipal.INDEXER);
        readFromStart(indexer, Topics.ENRICHED.name());
        readFromStart(indexer, Topics.ALERTS.name());
        assertThatThrownBy(() -> send(indexer, Topics.RAW.name())).hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(indexer, Topics.ALERTS.name())).hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theVerifierReadsRawLogsAndDeadLettersWithoutAGroupAndWritesNothing(TestPlatform platform) throws Exception {
        KafkaAccess verifier = platform.kafkaAs(KafkaPrincipal.VERIFIER);
        readFromStart(verifier, Topics.RAW.name());
        readFromStart(verifier, Topics.DLQ.name());
        assertThatThrownBy(() -> readFromStart(verifier, Topics.ENRICHED.name())).isInstanceOf(TopicAuthorizationException.class);
        // a principal that may write no topic at all is refused before the topic: its producer id (cluster authorization)
        assertThatThrownBy(() -> send(verifier, Topics.RAW.name())).hasCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> send(verifier, Topics.DLQ.name())).hasCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> pollInGroup(verifier, "sluice-indexer", Topics.RAW.name())).isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void aServiceJoinsOnlyItsOwnGroupsAndCreatesNoTopic(TestPlatform platform) throws Exception {
        KafkaAccess indexer = platform.kafkaAs(KafkaPrincipal.INDEXER);
        assertThatThrownBy(() -> pollInGroup(indexer, "sluice-stream-processor-x")).isInstanceOf(GroupAuthorizationException.class);
        pollInGroup(indexer, "sluice-indexer-access-test");
        try (Admin admin = Admin.create(indexer.properties())) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("sluice-indexer-new", 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theOperatorReadsEveryTopicAndWritesOnlyRawLogs(TestPlatform platform) throws Exception {
        KafkaAccess operator = platform.kafkaAs(KafkaPrincipal.OPERATOR);
        for (String topic : List.of(Topics.RAW.name(), Topics.ENRICHED.name(), Topics.DLQ.name(), Topics.ALERTS.name())) {
            readFromStart(operator, topic);
        }
        assertThat(send(operator, Topics.RAW.name()).offset()).isNotNegative();
        assertThatThrownBy(() -> send(operator, Topics.ENRICHED.name())).hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(operator, Topics.ALERTS.name())).hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    private static RecordMetadata send(KafkaAccess kafka, String topic) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.with(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000)),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, "kafka-access-control-it",
                    "{\"message\":\"access control probe\"}".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads a partition without a group (as tail and status do); throws what the broker answered. */
    private static void readFromStart(KafkaAccess kafka, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.with(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.poll(SHORT);
            consumer.position(partition, SHORT);
        }
    }

    private static void pollInGroup(KafkaAccess kafka, String group) {
        pollInGroup(kafka, group, Topics.ENRICHED.name());
    }

    private static void pollInGroup(KafkaAccess kafka, String group, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(kafka.with(Map.of(ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            consumer.poll(SHORT);
        }
    }
}
