package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.kafka.KafkaAccess;
import io.sluice.replication.Replication;
import io.sluice.runtime.ClusterShape;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.SluiceHome;
import io.sluice.runtime.kafka.KafkaBroker;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.runtime.kafka.KafkaQuorum;
import io.sluice.runtime.kafka.LocalKafkaIdentities;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.topics.TopicInstaller;
import io.sluice.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three real Kafka nodes in one KRaft quorum, secured as every Sluice broker is, with the topics Sluice creates at
 * replication factor 3 and {@code min.insync.replicas} 2: a killed leader loses no acknowledged record, and the node
 * comes back into sync. A quorum of its own (ports 29392-29414), so killing nodes disturbs no other test.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaQuorumIT {

    private static final RuntimeSettings QUORUM = new RuntimeSettings(Profile.TEST, SluiceHome.locate(),
            SluiceHome.locate().resolve(".sluice").resolve("test-quorum"), 29392, 29393, 29394, 0, 0, "0", 3)
            .withShape(new ClusterShape(3, 1, 1));

    private final List<ChildProcess> nodes = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private KafkaAccess admin;
    private KafkaAccess ingest;

    @BeforeAll
    void startQuorum() {
        nodes.addAll(KafkaQuorum.start(QUORUM));
        LocalKafkaIdentities identities = new LocalKafkaIdentities(QUORUM);
        admin = identities.admin();
        ingest = identities.as(KafkaPrincipal.INGEST);
        new TopicInstaller(admin, 3, Replication.forSize(3, 1)).install();
    }

    @AfterAll
    void stopQuorum() {
        nodes.forEach(ChildProcess::close);
    }

    @Test
    @Order(1)
    void shouldCreateTheTopicsWithThreeReplicasTwoInSyncAndNoUncleanElection() throws Exception {
        try (Admin client = Admin.create(admin.properties())) {
            TopicDescription raw = client.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.RAW.name());
            assertThat(raw.partitions()).allSatisfy(partition -> {
                assertThat(partition.replicas()).hasSize(3);
                assertThat(partition.isr()).hasSize(3);
            });
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW.name());
            var config = client.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");
            assertThat(client.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
        }
    }

    @Test
    @Order(2)
    void shouldLoseNoAcknowledgedRecordWhenTheLeaderIsKilled() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        long slowest;
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, "before", 500, acknowledged);
            int leader = leaderOfPartitionZero();
            ChildProcess killed = nodes.get(leader - 1);
            ProcessHandle.of(killed.pid()).ifPresent(ProcessHandle::destroyForcibly);
            long started = System.nanoTime();
            slowest = send(producer, "after", 500, acknowledged);
            System.out.printf("[quorum] kill -9 of node %d (leader of %s-0): 500 more records acknowledged in %d ms, slowest %d ms%n",
                    leader, Topics.RAW.name(), (System.nanoTime() - started) / 1_000_000, slowest);
            restart(leader);
        }

        Set<String> stored = new HashSet<>();
        TopicRecords.read(admin, Topics.RAW.name(), record -> record.key() != null && record.key().startsWith(run), acknowledged.size(),
                Duration.ofSeconds(60)).forEach(record -> stored.add(new String(record.value())));
        assertThat(stored).containsAll(acknowledged).hasSize(1000);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(inSyncReplicasOfPartitionZero()).hasSize(3));
    }

    private KafkaProducer<String, String> producer() {
        return producer(Map.of());
    }

    private KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
        settings.putAll(extra);
        return new KafkaProducer<>(ingest.with(settings));
    }

    /** Sends {@code count} records one at a time, each acknowledged before the next; the slowest acknowledgement in ms. */
    private long send(KafkaProducer<String, String> producer, String phase, int count, Set<String> acknowledged) throws Exception {
        long slowest = 0;
        for (int i = 0; i < count; i++) {
            String value = run + "-" + phase + "-" + i;
            long sent = System.nanoTime();
            producer.send(new ProducerRecord<>(Topics.RAW.name(), run + "-" + (i % 7), value)).get(150, TimeUnit.SECONDS);
            slowest = Math.max(slowest, (System.nanoTime() - sent) / 1_000_000);
            acknowledged.add(value);
        }
        return slowest;
    }

    private int leaderOfPartitionZero() throws Exception {
        return partitionZero().leader().id();
    }

    private List<Integer> inSyncReplicasOfPartitionZero() throws Exception {
        return partitionZero().isr().stream().map(org.apache.kafka.common.Node::id).toList();
    }

    private TopicPartitionInfo partitionZero() throws Exception {
        try (Admin client = Admin.create(admin.properties())) {
            return client.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.RAW.name()).partitions().get(0);
        }
    }

    private void restart(int id) {
        KafkaBroker broker = new KafkaBroker(QUORUM, QUORUM.kafkaNodes().get(id - 1));
        ChildProcess again = broker.launch();
        nodes.set(id - 1, again);
        broker.awaitReady(again);
    }
}
