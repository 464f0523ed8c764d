package io.sluice.processor.eos;

import io.sluice.kafka.KafkaAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The stream processor, as the process {@code ./sluice up} runs, killed with SIGKILL three times
 * while 100,000 records flow: a read_committed reader then sees exactly one output per input, each
 * either an event or a dead letter ({@code raw = enriched + dlq}).
 */
@SluiceIntegrationTest
class ProcessorCrashIT {

    private static final int RECORDS = 100_000;
    private static final int POISON_EVERY = 100;

    @Test
    void shouldProduceExactlyOneOutputPerInputThroughThreeKills(TestPlatform platform) throws Exception {
        String service = "eos-" + System.nanoTime();
        long before = ProcessorOffsets.endOffsets(platform);
        produce(platform.kafka(), service);
        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()), platform.connections());
        ChildProcess processor = launcher.start(Service.STREAM_PROCESSOR, Map.of(), List.of());
        try {
            for (int kill = 1; kill <= 3; kill++) {
                // pull the plug a quarter, half and three quarters of the way through, transactions open
                long target = before + (long) RECORDS * kill / 4;
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ProcessorOffsets.committedOffsets(platform) >= target);
                long atKill = ProcessorOffsets.committedOffsets(platform) - before;
                ChildProcess running = processor;
                ProcessHandle.of(running.pid()).ifPresent(ProcessHandle::destroyForcibly);
                await().atMost(Duration.ofSeconds(10)).until(() -> !running.isAlive());
                running.close();
                LoggerFactory.getLogger(ProcessorCrashIT.class).info("kill {} after {} of {} inputs committed", kill, atKill, RECORDS);
                assertThat(atKill).as("kill %d must land mid-stream", kill).isBetween(1L, RECORDS - 1L);
                processor = launcher.start(Service.STREAM_PROCESSOR, Map.of(), List.of());
            }
            Map<String, Integer> copies = new HashMap<>();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(5)).until(() -> {
                copies.clear();
                for (ConsumerRecord<String, byte[]> record : outputs(platform, service, 2 * RECORDS)) {
                    copies.merge(SluiceHeaders.text(record.headers(), SluiceHeaders.EVENT_ID), 1, Integer::sum);
                }
                return copies.size() == RECORDS;
            });
            long doubled = copies.values().stream().filter(count -> count > 1).count();
            LoggerFactory.getLogger(ProcessorCrashIT.class).info("{} inputs, {} distinct outputs, {} outputs seen twice",
                    RECORDS, copies.size(), doubled);
            assertThat(doubled).as("inputs with more than one output").isZero();
            assertThat(copies).hasSize(RECORDS);
        } finally {
            processor.close();
        }
    }

    /** Enriched and dead-lettered records of this run, committed only, each carrying its input's id header. */
    private static List<ConsumerRecord<String, byte[]>> outputs(TestPlatform platform, String service, int atMost) {
        List<ConsumerRecord<String, byte[]>> enriched = TopicRecords.read(platform.kafka(), Topics.ENRICHED.name(),
                record -> service.equals(record.key()), atMost, Duration.ofSeconds(10));
        List<ConsumerRecord<String, byte[]>> dead = TopicRecords.read(platform.kafka(), Topics.DLQ.name(),
                record -> service.equals(record.key()), atMost, Duration.ofSeconds(3));
        List<ConsumerRecord<String, byte[]>> all = new java.util.ArrayList<>(enriched);
        all.addAll(dead);
        return all;
    }

    private static void produce(KafkaAccess kafka, String service) {
        Map<String, Object> config = kafka.with(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                String line = i % POISON_EVERY == 0 ? "{\"message\": \"poison " + i
                        : "{\"message\":\"record " + i + "\",\"level\":\"info\"}";
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RAW.name(), service,
                        line.getBytes(StandardCharsets.UTF_8));
                SluiceHeaders.put(record.headers(), SluiceHeaders.EVENT_ID, service + "-" + i);
                producer.send(record);
            }
            producer.flush();
        }
    }
}
