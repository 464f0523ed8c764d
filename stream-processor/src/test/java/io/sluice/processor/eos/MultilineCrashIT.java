package io.sluice.processor.eos;

import io.sluice.kafka.KafkaAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.json.Json;
import io.sluice.model.CatalogEntry;
import io.sluice.model.LogEvent;
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
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A stack trace shipped line by line, with the processor killed (SIGKILL) while half of it sits in the
 * multi-line store: after the restart the event comes out whole, once — the pending lines were
 * committed with the input offsets, in the store's changelog. The service's entry in the real
 * compacted catalog topic is on every event.
 */
@SluiceIntegrationTest
class MultilineCrashIT {

    private static final List<String> HEAD = List.of("2026-11-22T10:00:00Z ERROR charge failed",
            "java.lang.IllegalStateException: declined", "\tat com.shop.Pay.charge(Pay.java:12)");
    private static final List<String> TAIL = List.of("\tat com.shop.Pay.run(Pay.java:7)", "\t... 3 more",
            "2026-11-22T10:00:01Z INFO next order", "{\"msg\":\"json flushes the source\"}");
    /** Long enough that nothing is flushed by time during the test: only lines complete events. */
    private static final List<String> NO_TIME_FLUSH = List.of("--sluice.processor.multiline-flush-timeout=10m");

    @Test
    void shouldEmitAHalfAssembledStackTraceWholeAndOnceAfterAKill(TestPlatform platform) throws Exception {
        String service = "multiline-" + System.nanoTime();
        publishCatalogEntry(platform.kafka(), service);
        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()), platform.connections());
        ChildProcess processor = launcher.start(Service.STREAM_PROCESSOR, Map.of(), NO_TIME_FLUSH);
        try {
            long before = ProcessorOffsets.endOffsets(platform);
            produce(platform.kafka(), service, HEAD, 0);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ProcessorOffsets.committedOffsets(platform) >= before + HEAD.size());
            assertThat(enriched(platform, service, Duration.ofSeconds(2))).as("the stack trace is still pending").isEmpty();
            ChildProcess running = processor;
            ProcessHandle.of(running.pid()).ifPresent(ProcessHandle::destroyForcibly);
            await().atMost(Duration.ofSeconds(10)).until(() -> !running.isAlive());
            running.close();
            processor = launcher.start(Service.STREAM_PROCESSOR, Map.of(), NO_TIME_FLUSH);
            produce(platform.kafka(), service, TAIL, HEAD.size());

            List<LogEvent> events = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> enriched(platform, service, Duration.ofSeconds(3)), found -> found.size() >= 3);
            assertThat(events).extracting(LogEvent::message).containsExactly(
                    String.join("\n", HEAD) + "\n" + String.join("\n", TAIL.subList(0, 2)),
                    "2026-11-22T10:00:01Z INFO next order",
                    "json flushes the source");
            assertThat(events.get(0).errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(events.get(0).eventId()).isEqualTo(service + "-0");
            assertThat(events).allSatisfy(event -> assertThat(event.labels())
                    .containsEntry("team", "payments").containsEntry("slack_channel", "#payments-alerts"));
        } finally {
            processor.close();
        }
    }

    private static void publishCatalogEntry(KafkaAccess kafka, String service) {
        try (KafkaProducer<String, CatalogEntry> producer = new KafkaProducer<>(kafka.properties(), Topics.CATALOG.keySerde().serializer(), Topics.CATALOG.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.CATALOG.name(), service,
                    new CatalogEntry("payments", "alice", "#payments-alerts", "1")));
            producer.flush();
        }
    }

    private static List<LogEvent> enriched(TestPlatform platform, String service, Duration wait) {
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(platform.kafka(), Topics.ENRICHED.name(),
                record -> service.equals(record.key()), 10, wait);
        return records.stream().map(record -> Json.MAPPER.readValue(record.value(), LogEvent.class)).toList();
    }

    private static void produce(KafkaAccess kafka, String service, List<String> lines, int firstIndex) {
        Map<String, Object> config = kafka.with(Map.of(ProducerConfig.ACKS_CONFIG, "all"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < lines.size(); i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RAW.name(), service,
                        lines.get(i).getBytes(StandardCharsets.UTF_8));
                SluiceHeaders.put(record.headers(), SluiceHeaders.SERVICE, service);
                SluiceHeaders.put(record.headers(), SluiceHeaders.EVENT_ID, service + "-" + (firstIndex + i));
                producer.send(record);
            }
            producer.flush();
        }
    }
}
