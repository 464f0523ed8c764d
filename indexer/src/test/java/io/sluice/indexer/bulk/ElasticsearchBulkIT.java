package io.sluice.indexer.bulk;

import io.sluice.indexer.TestElasticsearch;
import io.sluice.time.Sleeper;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.sluice.index.IndexNames;
import io.sluice.indexer.retention.RetentionPolicy;
import io.sluice.model.LogEvent;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bulk path against the real Elasticsearch, with the real index template. */
@SluiceIntegrationTest
class ElasticsearchBulkIT {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    private ElasticsearchClient client;
    private BulkIndexer indexer;
    private final String service = "bulk-it-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect(TestPlatform platform) {
        client = TestElasticsearch.client(platform.elasticsearch());
        indexer = new BulkIndexer(HttpBulkSender.of(client), 3, Duration.ofMillis(100), Duration.ofSeconds(1),
                Sleeper.real());
    }

    @AfterEach
    void disconnect() throws Exception {
        client.close();
    }

    private BulkDocument document(String id, String message, Map<String, String> labels) {
        LogEvent event = new LogEvent(AT, message, "INFO", service, "host-1", null, null, id, AT, null, labels);
        return document(id, Topics.ENRICHED.valueSerde().serializer().serialize("t", event));
    }

    private BulkDocument document(String id, byte[] json) {
        return new BulkDocument(new Coordinates("logs.enriched.v1", 0, id.hashCode()), service,
                IndexNames.daily(service, AT), id, json);
    }

    private long count() throws Exception {
        client.indices().refresh(refresh -> refresh.index("logs-" + service + "-*"));
        return client.count(count -> count.index("logs-" + service + "-*")).count();
    }

    @Test
    void shouldTreatAReplayAsAlreadyIndexed() throws Exception {
        List<BulkDocument> documents = List.of(document("a", "one", null), document("b", "two", null),
                document("c", "three", null));

        BulkOutcome first = indexer.index(documents);
        BulkOutcome replay = indexer.index(documents);

        assertThat(first.indexed()).isEqualTo(3);
        assertThat(replay.indexed()).isZero();
        assertThat(replay.alreadyIndexed()).isEqualTo(3);
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void shouldIndexBulkSyntaxInAMessageAsLiteralText() throws Exception {
        String hostile = "\"}\n{\"delete\":{\"_index\":\"logs-" + service + "-2026.11.22\",\"_id\":\"victim\"}}\n";
        indexer.index(List.of(document("victim", "must survive", null)));

        BulkOutcome outcome = indexer.index(List.of(document("attacker", hostile, null)));

        assertThat(outcome.indexed()).isEqualTo(1);
        assertThat(count()).isEqualTo(2);
        String stored = client.get(get -> get.index(IndexNames.daily(service, AT)).id("attacker"), Map.class)
                .source().get("message").toString();
        assertThat(stored).isEqualTo(hostile);
    }

    @Test
    void shouldIndexFieldsWhoseShapeChangesBetweenEventsWithoutAMappingConflict() throws Exception {
        DocumentMapper mapper = new DocumentMapper(new RetentionPolicy(Duration.ofDays(36_500), Map.of()),
                java.time.Clock.systemUTC());
        String nested = "{\"a\":".repeat(25) + "1" + "}".repeat(25);
        List<String> shapes = List.of(
                "\"labels\":{\"region\":\"eu\"}",
                "\"labels\":{\"region.name\":\"eu-west\",\"region.zone\":\"b\"}",
                "\"log\":\"a string where the template has an object\",\"deep\":" + nested);
        List<BulkDocument> documents = new java.util.ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            byte[] json = ("{\"@timestamp\":\"2026-11-22T10:00:00Z\",\"message\":\"shape " + i + "\",\"service.name\":\""
                    + service + "\",\"event.id\":\"shape-" + i + "\"," + shapes.get(i) + "}").getBytes(StandardCharsets.UTF_8);
            documents.add((BulkDocument) mapper.map(new org.apache.kafka.clients.consumer.ConsumerRecord<>(
                    "logs.enriched.v1", 0, i, service, json)));
        }

        BulkOutcome outcome = indexer.index(documents);

        assertThat(outcome.rejected()).isEmpty();
        assertThat(outcome.indexed()).isEqualTo(3);
        assertThat(count()).isEqualTo(3);
        assertThat(countMatching("labels.region", "eu")).isEqualTo(1);
        assertThat(countMatching("labels.region.name", "eu-west")).isEqualTo(1);
    }

    @Test
    void shouldIndexATwoMegabyteDocument() throws Exception {
        String big = "x".repeat(2 * 1024 * 1024);

        BulkOutcome outcome = indexer.index(List.of(document("big", big, Map.of("size", "2MB"))));

        assertThat(outcome.indexed()).isEqualTo(1);
        assertThat(count()).isEqualTo(1);
    }

    private long countMatching(String field, String value) throws Exception {
        return client.count(count -> count.index("logs-" + service + "-*")
                .query(query -> query.term(term -> term.field(field).value(value)))).count();
    }
}
