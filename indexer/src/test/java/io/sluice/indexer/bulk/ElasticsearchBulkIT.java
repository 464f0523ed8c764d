package io.sluice.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.sluice.index.IndexNames;
import io.sluice.model.LogEvent;
import io.sluice.runtime.testing.SluiceIntegrationTest;
import io.sluice.runtime.testing.TestPlatform;
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
        client = ElasticsearchClient.of(config -> config.host(platform.elasticsearchUrl()));
        indexer = new BulkIndexer(new ElasticsearchBulkSender(client), 3, Duration.ofMillis(100), Duration.ofSeconds(1),
                BulkIndexer.Sleeper.real());
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
    void shouldRejectAMappingConflictWithElasticsearchsReason() throws Exception {
        indexer.index(List.of(document("typed", "label as text", Map.of("region", "eu"))));
        byte[] conflicting = ("{\"@timestamp\":\"2026-11-22T10:00:00Z\",\"message\":\"label as object\","
                + "\"service.name\":\"" + service + "\",\"event.id\":\"conflict\",\"labels\":{\"region\":{\"name\":\"eu\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        BulkOutcome outcome = indexer.index(List.of(document("conflict", conflicting), document("fine", "fine", null)));

        assertThat(outcome.indexed()).isEqualTo(1);
        assertThat(outcome.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).contains("/conflict: 400", "parsing_exception");
            assertThat(rejection.value()).isEqualTo(conflicting);
        });
        assertThat(count()).isEqualTo(2);
    }
}
