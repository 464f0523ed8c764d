package io.sluice.processor.faults;

import io.sluice.kafka.KafkaAccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import io.sluice.topics.DeadLetterCode;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.DeadLetterRecords;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.sluice.runtime.kafka.TopicOffsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The processor (the jar {@code ./sluice up} runs) given a 900 KB line whose enriched form outgrows the
 * producer's 1 MB limit (one invalid UTF-8 byte: the event also carries the line's bytes as base64),
 * then a normal line behind it on the same partition: the big one is dead-lettered as {@code too_large}
 * (its line cut to fit the dead-letter topic), the normal one is enriched, and the stream thread never
 * died. Before the size check, the producer refused the event inside the transaction and the thread
 * was replaced in a loop, the line behind it never processed.
 */
@SluiceIntegrationTest
class OversizedEventIT {

    @Test
    void shouldDeadLetterAnEventThatOutgrowsTheProducerLimitAndProcessTheLineBehindIt(TestPlatform platform) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String service = "oversize-" + run;
        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()), platform.connections());
        TopicOffsets.commitAtEnd(platform.kafka(), "sluice-stream-processor-oversize-" + run, Topics.RAW.name()); // a Streams application's group is its id
        try (ChildProcess processor = launcher.start(Service.STREAM_PROCESSOR, Map.of(), List.of(
                "--spring.kafka.streams.application-id=sluice-stream-processor-oversize-" + run))) {
            produce(platform.kafka(), service, List.of(bigLineWithAnInvalidByte(), "{\"message\":\"right behind it\"}".getBytes()));

            List<ConsumerRecord<String, byte[]>> enriched = TopicRecords.read(platform.kafka(), Topics.ENRICHED.name(),
                    record -> service.equals(record.key()), 1, Duration.ofSeconds(60));
            assertThat(enriched).singleElement().satisfies(record ->
                    assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("right behind it"));
            List<ConsumerRecord<String, byte[]>> dead = TopicRecords.read(platform.kafka(), Topics.DLQ.name(),
                    record -> service.equals(record.key()), 1, Duration.ofSeconds(30));
            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(DeadLetterCode.labelOf(record.headers())).isEqualTo("too_large");
                assertThat(SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_TOPIC)).isEqualTo(Topics.RAW.name());
                assertThat(SluiceHeaders.text(record.headers(), DeadLetterRecords.TRUNCATED)).as("the line, cut to fit").isEqualTo("900001");
                assertThat(SluiceHeaders.text(record.headers(), SluiceHeaders.EVENT_ID)).isEqualTo(service + "-0");
            });
            assertThat(Json.MAPPER.readTree(health()).path("components").path("streams").path("details").path("threadsReplaced").asLong())
                    .as("the stream thread never died").isZero();
        }
    }

    private static byte[] bigLineWithAnInvalidByte() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes("x".repeat(450_000).getBytes(StandardCharsets.US_ASCII));
        line.write(0xFF);
        line.writeBytes("x".repeat(450_000).getBytes(StandardCharsets.US_ASCII));
        return line.toByteArray();
    }

    private static void produce(KafkaAccess kafka, String service, List<byte[]> lines) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.with(Map.of(ProducerConfig.ACKS_CONFIG, "all")), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < lines.size(); i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RAW.name(), service, lines.get(i));
                SluiceHeaders.put(record.headers(), SluiceHeaders.EVENT_ID, service + "-" + i);
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static String health() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Service.STREAM_PROCESSOR.managementUrl(Profile.TEST)
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
