package io.sluice.alerting.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.json.Json;
import io.sluice.topics.DeadLetterCode;
import io.sluice.alerting.delivery.AlertsTopic;
import io.sluice.model.LogEvent;
import io.sluice.runtime.Profile;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.slack.FakeSlack;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The alerting service (the jar {@code ./sluice up} runs) finds a record on {@code logs.enriched.v1} that
 * is not a {@code LogEvent}, then an error behind it: the record is dead-lettered as {@code not_an_event},
 * the error still fires its alert, and the evaluation thread never died (before, it was replaced in a loop).
 */
@SluiceIntegrationTest
class NotAnEventIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String service = "not-an-event-" + run;

    @Test
    void shouldDeadLetterARecordThatIsNotAnEventAndEvaluateTheEventsBehindIt(TestPlatform platform) throws Exception {
        Path rules = Files.createTempFile("not-an-event-rules", ".yml");
        Files.writeString(rules, "rules:\n  - { id: nae-errors, type: threshold, threshold: 1, window: 10s, grace: 5s,"
                + " match: { service: " + service + " } }\n");
        // the evaluation (a Streams application: its group is its id) starts at the end, not behind every test's events
        AlertsTopic.startEvaluationAtEnd(platform.kafka(), run);
        AlertsTopic.startGroupAtEnd(platform.kafka(), AlertsTopic.deliveryGroup(run));
        try (FakeSlack slack = new FakeSlack(); ChildProcess alerting = start(platform, slack, rules)) {
            produce(platform, "{\"this is\": \"not an event\"".getBytes(StandardCharsets.UTF_8));
            List<ConsumerRecord<String, byte[]>> dead = TopicRecords.read(platform.kafka(), Topics.DLQ.name(),
                    record -> service.equals(record.key()), 1, Duration.ofSeconds(90));
            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(DeadLetterCode.labelOf(record.headers())).isEqualTo("not_an_event");
                assertThat(SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_STAGE)).isEqualTo("alerting/evaluate");
            });
            // the error is stamped once the evaluation is known to be reading (its dead letter is out): stamped
            // before, on a slow machine it could reach an evaluation that started late with its window already closed
            Instant now = Instant.now();
            produce(platform, Topics.ENRICHED.valueSerde().serializer().serialize(Topics.ENRICHED.name(), new LogEvent(now, "boom",
                    "ERROR", service, "h", null, null, service + "-1", now, null, Map.of())));
            await().atMost(Duration.ofMinutes(1)).until(() -> slack.received().stream().anyMatch(body -> body.contains("*" + service + "*")));
            String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Service.ALERTING.managementUrl(Profile.TEST)
                    + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(Json.MAPPER.readTree(health).path("components").path("streams").path("details").path("threadsReplaced").asLong())
                    .as("the evaluation thread never died").isZero();
        }
    }

    private void produce(TestPlatform platform, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(platform.kafka().with(Map.of(ProducerConfig.ACKS_CONFIG, "all")), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), service, value));
            producer.flush();
        }
    }

    private ChildProcess start(TestPlatform platform, FakeSlack slack, Path rules) throws Exception {
        return AlertStateRestartIT.startAlerting(platform, slack, rules, run);
    }
}
