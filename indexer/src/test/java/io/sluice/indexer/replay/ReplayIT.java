package io.sluice.indexer.replay;

import io.sluice.indexer.TestElasticsearch;
import io.sluice.time.Sleeper;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.sluice.index.IndexNames;
import io.sluice.index.IndexTemplate;
import io.sluice.indexer.bulk.BulkIndexer;
import io.sluice.indexer.bulk.DocumentMapper;
import io.sluice.indexer.bulk.HttpBulkSender;
import io.sluice.indexer.retention.RetentionPolicy;
import io.sluice.model.LogEvent;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Replay on the real broker and Elasticsearch: a time range of one service is re-indexed from
 * {@code logs.enriched.v1}; run twice it writes nothing the second time; after the index is lost it
 * restores exactly what was there; records outside the range or of other services are left alone.
 */
@SluiceIntegrationTest
class ReplayIT {

    private static final Instant DAY = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void shouldReindexATimeRangeWithoutEverWritingADocumentTwice(TestPlatform platform) throws Exception {
        IndexTemplate.installAll(platform.elasticsearch());
        String service = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        String neighbour = service + "-other";
        long base = System.currentTimeMillis() - 3_600_000;
        try (KafkaProducer<String, LogEvent> producer = new KafkaProducer<>(platform.kafka().with(Map.of(ProducerConfig.ACKS_CONFIG, "all")), Topics.ENRICHED.keySerde().serializer(),
                Topics.ENRICHED.valueSerde().serializer())) {
            for (int i = 0; i < 300; i++) {
                // a record a second: 100 before the range, 100 in it, 100 after it
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), null, base + i * 1000L, service, event(service, i)));
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), null, base + i * 1000L, neighbour, event(neighbour, i)));
            }
            producer.flush();
        }
        ReplayRequest range = new ReplayRequest(Instant.ofEpochMilli(base + 100_000), Instant.ofEpochMilli(base + 199_000), service);
        try (ElasticsearchClient client = TestElasticsearch.client(platform.elasticsearch())) {
            EnrichedReplayer replayer = new EnrichedReplayer(() -> consumer(platform),
                    new DocumentMapper(new RetentionPolicy(Duration.ofDays(36_500), Map.of()), Clock.systemUTC()),
                    new BulkIndexer(HttpBulkSender.of(client), 3, Duration.ofMillis(100), Duration.ofSeconds(1),
                            Sleeper.real()));

            ReplayReport first = replayer.replay(range);
            ReplayReport second = replayer.replay(range);
            assertThat(first).isEqualTo(new ReplayReport(100, 100, 0, 0, java.util.List.of()));
            assertThat(second).isEqualTo(new ReplayReport(100, 0, 100, 0, java.util.List.of()));
            assertThat(count(client, service)).isEqualTo(100);
            assertThat(count(client, neighbour)).as("another service is not replayed").isZero();

            client.indices().delete(delete -> delete.index("logs-" + IndexNames.safeService(service) + "-*"));
            assertThat(replayer.replay(range).indexed()).as("a lost index comes back").isEqualTo(100);
            assertThat(count(client, service)).isEqualTo(100);
        }
    }

    private static LogEvent event(String service, int i) {
        Instant at = DAY.plusSeconds(i);
        return new LogEvent(at, "event " + i, "INFO", service, "h", null, null, service + "-" + i, at, null, Map.of());
    }

    private static long count(ElasticsearchClient client, String service) throws Exception {
        String pattern = "logs-" + IndexNames.safeService(service) + "-2*";
        client.indices().refresh(refresh -> refresh.index(pattern).allowNoIndices(true));
        return client.count(count -> count.index(pattern).allowNoIndices(true)).count();
    }

    private static KafkaConsumer<String, byte[]> consumer(TestPlatform platform) {
        return new KafkaConsumer<>(platform.kafka().with(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
