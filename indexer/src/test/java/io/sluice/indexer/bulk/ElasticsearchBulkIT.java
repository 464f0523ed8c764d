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
        String nested = "{\"a\":".repeat(25) + "1" + "}".repeat(25);
        List<BulkDocument> documents = mapped("shape", List.of(
                "\"labels\":{\"region\":\"eu\"}",
                "\"labels\":{\"region.name\":\"eu-west\",\"region.zone\":\"b\"}",
                "\"log\":\"a string where the template has an object\",\"deep\":" + nested));

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

    @Test
    void shouldIndexTypedFieldsSoRangesStatisticsAndAddressesWork() throws Exception {
        List<BulkDocument> documents = mapped("typed", List.of(
                "\"http.response.status_code\":200,\"event.duration\":1200000,\"source.ip\":\"10.0.0.7\"",
                "\"http.response.status_code\":503,\"event.duration\":250000000,\"source.ip\":\"10.0.3.1\"",
                "\"http.response.status_code\":504,\"event.duration\":60003000000,\"source.ip\":\"2001:db8::42\"",
                // what a foreign producer may write: a status code that is no number, an address that is none
                "\"http.response.status_code\":\"oops\",\"source.ip\":\"gw.example.com\",\"event.duration\":5,"
                        + "\"numeric_labels.amount\":12.5,\"numeric_labels.latency_ms\":87,\"ip_labels.client\":\"10.2.0.7\""));

        BulkOutcome outcome = indexer.index(documents);

        assertThat(outcome.rejected()).isEmpty();
        assertThat(count()).isEqualTo(4);
        assertThat(client.count(count -> count.index("logs-" + service + "-*").query(query -> query.range(range -> range
                .number(number -> number.field("http.response.status_code").gte(500.0))))).count()).isEqualTo(2);
        assertThat(countMatching("source.ip", "10.0.0.0/16")).isEqualTo(2);
        var stats = client.search(search -> search.index("logs-" + service + "-*").size(0)
                .aggregations("duration", aggregation -> aggregation.stats(field -> field.field("event.duration"))), Map.class)
                .aggregations().get("duration").stats();
        assertThat(stats.count()).isEqualTo(4);
        assertThat(stats.max()).isEqualTo(60_003_000_000.0);
        assertThat(stats.min()).isEqualTo(5.0);
        assertThat(countMatching("labels.sluice_untyped_fields", "http.response.status_code,source.ip")).isEqualTo(1);
        assertThat(countMatching("labels.http_response_status_code", "oops")).isEqualTo(1);
        // a service's own typed fields (declared in the catalog): numbers and addresses, mapped by where they are
        assertThat(client.count(count -> count.index("logs-" + service + "-*").query(query -> query.range(range -> range
                .number(number -> number.field("numeric_labels.amount").gt(12.0))))).count()).isEqualTo(1);
        assertThat(countMatching("ip_labels.client", "10.2.0.0/16")).isEqualTo(1);
    }

    /** Documents the way the indexer makes them of enriched records: each JSON event with the given extra fields. */
    private List<BulkDocument> mapped(String name, List<String> extraFields) {
        DocumentMapper mapper = new DocumentMapper(new RetentionPolicy(Duration.ofDays(36_500), Map.of()),
                java.time.Clock.systemUTC());
        List<BulkDocument> documents = new java.util.ArrayList<>();
        for (int i = 0; i < extraFields.size(); i++) {
            byte[] json = ("{\"@timestamp\":\"2026-11-22T10:00:00Z\",\"message\":\"" + name + " " + i + "\",\"service.name\":\""
                    + service + "\",\"event.id\":\"" + name + "-" + i + "\"," + extraFields.get(i) + "}").getBytes(StandardCharsets.UTF_8);
            documents.add((BulkDocument) mapper.map(new org.apache.kafka.clients.consumer.ConsumerRecord<>(
                    "logs.enriched.v1", 0, i, service, json)));
        }
        return documents;
    }

    private long countMatching(String field, String value) throws Exception {
        return client.count(count -> count.index("logs-" + service + "-*")
                .query(query -> query.term(term -> term.field(field).value(value)))).count();
    }
}
