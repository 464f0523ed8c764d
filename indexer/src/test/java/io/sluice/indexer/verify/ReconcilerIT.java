package io.sluice.indexer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.reconcile.ReconcileProgress;
import io.sluice.reconcile.Reconciler;
import io.sluice.reconcile.Reconciliation;
import io.sluice.reconcile.RecordFate;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation on the real broker and node, resumed run after run as the indexer's schedule resumes it: a
 * record found is never looked up again; a missing one is remembered and looked up again until found — or, with no
 * room left to remember it, its partition stops there and is read again from it.
 */
@SluiceIntegrationTest
class ReconcilerIT {

    private final String service = "reconcile-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldLookUpAgainOnlyTheRecordsThatWereMissing(TestPlatform platform) throws Exception {
        Instant from = Instant.now().minusSeconds(60);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(platform.kafka().with(Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) { // one key: one partition, in this order
                producer.send(new ProducerRecord<>(Topics.RAW.name(), service, "{\"message\":\"line " + i + "\",\"event.id\":\""
                        + service + "-" + i + "\"}"));
            }
            producer.flush();
        }
        Instant until = Instant.now().plusSeconds(1);
        Reconciler reconciler = new Reconciler(platform.kafka(), platform.elasticsearch());
        ReconcileProgress remembering = new ReconcileProgress();
        ReconcileProgress stopping = new ReconcileProgress(0); // no room for missing records: stops at the first
        index(platform.elasticsearch(), 0, 1, 3);

        for (ReconcileProgress progress : List.of(remembering, stopping)) {
            Reconciliation first = reconciler.reconcile(from, until, service, progress);
            assertThat(counts(first)).containsExactly(3L, 0L, 0L, 2L);
            assertThat(first.lookedUp()).isEqualTo(5);
            assertThat(first.hours()).singleElement().satisfies(hour -> assertThat(hour.missingSample()).hasSize(2));
        }

        index(platform.elasticsearch(), 2, 4);
        Reconciliation second = reconciler.reconcile(from, until, service, remembering);
        assertThat(counts(second)).containsExactly(5L, 0L, 0L, 0L);
        assertThat(second.lookedUp()).as("2 and 4, the two that were missing").isEqualTo(2);
        Reconciliation secondStopping = reconciler.reconcile(from, until, service, stopping);
        assertThat(counts(secondStopping)).containsExactly(5L, 0L, 0L, 0L);
        assertThat(secondStopping.lookedUp()).as("2, 3 and 4: from the first missing record on").isEqualTo(3);

        for (ReconcileProgress progress : List.of(remembering, stopping)) {
            Reconciliation third = reconciler.reconcile(from, until, service, progress);
            assertThat(counts(third)).as("the settled counts").containsExactly(5L, 0L, 0L, 0L);
            assertThat(third.lookedUp()).as("nothing settled is looked up again").isZero();
        }

        Reconciliation fresh = reconciler.reconcile(from, until, service);
        assertThat(counts(fresh)).containsExactly(5L, 0L, 0L, 0L);
        assertThat(fresh.lookedUp()).isEqualTo(5);
    }

    private static Long[] counts(Reconciliation result) {
        return java.util.Arrays.stream(RecordFate.values()).map(result::total).toArray(Long[]::new);
    }

    private void index(ElasticsearchAccess elasticsearch, int... events) throws Exception {
        String index = "logs-" + service + "-" + DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC).format(Instant.now());
        for (int event : events) {
            HttpResponse<String> response = elasticsearch.httpClient().send(elasticsearch.request("/" + index + "/_create/" + service + "-" + event
                    + "?refresh=true").header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                    "{\"message\":\"line " + event + "\",\"@timestamp\":\"" + Instant.now() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }
}
