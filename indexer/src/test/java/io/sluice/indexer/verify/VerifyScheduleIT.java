package io.sluice.indexer.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.json.Json;
import io.sluice.kafka.KafkaAccess;
import io.sluice.model.LogEvent;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.kafka.TopicOffsets;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.testing.PrometheusSamples;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The indexer service (the jar {@code ./sluice up} runs) reconciles on its schedule, as the user sluice-verifier, and
 * publishes what it found: six lines accepted on logs.raw.v1 that no processor handled (none runs on this platform —
 * a processor stopped) are missing; as their events reach the indexer they become indexed, or dead-lettered when the
 * indexer refuses one, until none is missing.
 */
@SluiceIntegrationTest
class VerifyScheduleIT {

    private final String service = "verify-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldPublishTheRecordsOfTheWindowByFateUntilNoneIsMissing(TestPlatform platform) throws Exception {
        String group = "sluice-indexer-test-" + service;
        TopicOffsets.commitAtEnd(platform.kafka(), group, Topics.ENRICHED.name());
        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()), platform.connections());
        // a short schedule over the last few minutes only: the shared test topics hold every earlier test's records
        try (ChildProcess indexer = launcher.start(Service.INDEXER, Map.of(), List.of("--spring.kafka.consumer.group-id=" + group,
                "--sluice.indexer.verify.interval=2s", "--sluice.indexer.verify.settle=0s", "--sluice.indexer.verify.window=5m"))) {
            produceRaw(platform.kafka(), 6);

            awaitRecords(Map.of("missing", 6));

            Instant now = Instant.now();
            for (int i : List.of(0, 1, 2, 3)) {
                produceEvent(platform.kafka(), i, now);
            }
            produceEvent(platform.kafka(), 4, now.minus(400, ChronoUnit.DAYS)); // older than the 30 days kept: the indexer dead-letters it

            awaitRecords(Map.of("indexed", 4, "dead_lettered", 1, "missing", 1));
            double lastRun = PrometheusSamples.value(PrometheusSamples.scrape(Service.INDEXER), "sluice_verify_last_run_seconds");
            assertThat(lastRun).as("a run completed").isGreaterThan(now.getEpochSecond() - 60);
            // the indexer's health says so in words (./sluice status prints it) and stays UP: the indexer is not failing
            JsonNode health = Json.MAPPER.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    Service.INDEXER.healthUrl(Profile.TEST))).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(health.path("components").path("verify").path("details").path("problem").asString())
                    .matches("verify: \\d+ of \\d+ records accepted since .* are neither indexed nor dead-lettered \\(\\./sluice verify names them\\)");

            produceEvent(platform.kafka(), 5, now);

            awaitRecords(Map.of("indexed", 5, "dead_lettered", 1, "missing", 0));
            String exposition = PrometheusSamples.scrape(Service.INDEXER);
            assertThat(PrometheusSamples.value(exposition, "sluice_verify_runs_total", "outcome", "failed"))
                    .as("every run read Kafka and Elasticsearch as sluice-verifier").isZero();
            assertThat(PrometheusSamples.value(exposition, "sluice_verify_runs_total", "outcome", "unbalanced")).isPositive();
        }
    }

    private void awaitRecords(Map<String, Integer> expected) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String exposition = PrometheusSamples.scrape(Service.INDEXER);
            expected.forEach((fate, count) -> assertThat(PrometheusSamples.value(exposition, "sluice_verify_records",
                    "service", service, "fate", fate)).as("%s records of %s", fate, service).isEqualTo(count.doubleValue()));
        });
    }

    private void produceRaw(KafkaAccess kafka, int lines) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.with(Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                new StringSerializer(), new StringSerializer())) {
            IntStream.range(0, lines).forEach(i -> producer.send(new ProducerRecord<>(Topics.RAW.name(), service,
                    "{\"message\":\"line " + i + "\",\"event.id\":\"" + service + "-" + i + "\"}")));
            producer.flush();
        }
    }

    private void produceEvent(KafkaAccess kafka, int i, Instant at) {
        try (KafkaProducer<String, LogEvent> producer = new KafkaProducer<>(kafka.with(Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                Topics.ENRICHED.keySerde().serializer(), Topics.ENRICHED.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), service, new LogEvent(at, "line " + i, "INFO", service, "h",
                    null, null, service + "-" + i, at, null, Map.of())));
            producer.flush();
        }
    }
}
