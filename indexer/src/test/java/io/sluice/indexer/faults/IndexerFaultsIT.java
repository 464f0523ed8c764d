package io.sluice.indexer.faults;

import io.sluice.time.Sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.sluice.indexer.TestElasticsearch;
import io.sluice.runtime.elasticsearch.ElasticsearchIdentities;
import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import io.sluice.index.IndexNames;
import io.sluice.indexer.bulk.BulkDocument;
import io.sluice.indexer.bulk.BulkIndexer;
import io.sluice.indexer.bulk.BulkOutcome;
import io.sluice.indexer.bulk.Coordinates;
import io.sluice.indexer.bulk.HttpBulkSender;
import io.sluice.json.Json;
import io.sluice.model.LogEvent;
import io.sluice.runtime.Profile;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What Elasticsearch does to indexers, done to ours on the real broker and node — with a fault-injecting
 * proxy where a fault cannot be produced otherwise. The check each time: every event sent is in
 * Elasticsearch (or the DLQ), none twice.
 */
@SluiceIntegrationTest
class IndexerFaultsIT {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    private String service;

    @BeforeEach
    void name() {
        service = "faults-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldRetryOnlyThe429ItemOfABulkAnswered201_429_400_409(TestPlatform platform) throws Exception {
        try (FaultyElasticsearch proxy = new FaultyElasticsearch(platform.elasticsearch());
                ElasticsearchClient client = TestElasticsearch.client(proxy.access(platform.elasticsearchAs(ElasticsearchPrincipal.INDEXER)))) {
            BulkIndexer indexer = new BulkIndexer(HttpBulkSender.of(client), 3, Duration.ofMillis(50),
                    Duration.ofMillis(500), Sleeper.real());
            indexer.index(List.of(document("d")));
            proxy.failItemOnce("b", 429);
            proxy.failItemOnce("c", 400);

            BulkOutcome outcome = indexer.index(List.of(document("a"), document("b"), document("c"), document("d")));

            assertThat(outcome.indexed()).as("a, and b on its retry").isEqualTo(2);
            assertThat(outcome.alreadyIndexed()).as("d").isEqualTo(1);
            assertThat(outcome.rejected()).singleElement().satisfies(rejection ->
                    assertThat(rejection.reason()).contains("/c: 400", "injected 400"));
            assertThat(List.of(proxy.timesSent("a"), proxy.timesSent("b"), proxy.timesSent("c"), proxy.timesSent("d")))
                    .as("times each id was sent: only b again").containsExactly(1, 2, 1, 2);
            assertThat(count(platform)).isEqualTo(3);
        }
    }

    @Test
    void shouldIndexEverythingOnceWhenWholeBulksAreAnswered429Then503ForAWhile(TestPlatform platform) throws Exception {
        try (FaultyElasticsearch proxy = new FaultyElasticsearch(platform.elasticsearch())) {
            ChildProcess indexer = startIndexer(platform, proxy.identities(platform.connections().elasticsearch()));
            try {
                // the refusals start once the indexer is up: its start-up time must not eat the window
                proxy.refuseBulks(429, Duration.ofSeconds(8));
                CompletableFuture.delayedExecutor(8, java.util.concurrent.TimeUnit.SECONDS)
                        .execute(() -> proxy.refuseBulks(503, Duration.ofSeconds(8)));
                produce(platform, 5_000);
                awaitCount(platform, 5_000, Duration.ofMinutes(3));
                assertThat(proxy.refusedBulks()).as("bulks answered 429/503").isPositive();
                assertThat(deadLetters(platform)).isZero();
            } finally {
                indexer.close();
            }
        }
    }

    @Test
    void shouldPauseWithoutDeadLettersWhileElasticsearchRefusesTheCredentialsAndResumeAfter(TestPlatform platform) throws Exception {
        try (FaultyElasticsearch proxy = new FaultyElasticsearch(platform.elasticsearch())) {
            ChildProcess indexer = startIndexer(platform, proxy.identities(platform.connections().elasticsearch()));
            try {
                // the refusal starts once the indexer is up: its start-up time must not eat the window
                proxy.refuseBulks(401, Duration.ofSeconds(20));
                produce(platform, 1_000);
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> writesProblem().contains("credentials"));
                assertThat(count(platform)).isZero();
                awaitCount(platform, 1_000, Duration.ofMinutes(2));
                assertThat(deadLetters(platform)).as("a credential problem is configuration, not data").isZero();
                await().atMost(Duration.ofSeconds(10)).until(() -> writesProblem().isEmpty());
            } finally {
                indexer.close();
            }
        }
    }

    /** What the running indexer's health says is wrong with its writes, or "" when nothing is. */
    private static String writesProblem() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Service.INDEXER.managementUrl(Profile.TEST) + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(response.body()).path("components").path("elasticsearchWrites").path("details").path("problem").asString("");
    }

    @Test
    void shouldNeverIndexWhatAnAbortedTransactionWrote(TestPlatform platform) throws Exception {
        ChildProcess indexer = startIndexer(platform, platform.connections().elasticsearch());
        try (KafkaProducer<String, LogEvent> producer = new KafkaProducer<>(platform.kafka().with(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "abort-" + service)),
                Topics.ENRICHED.keySerde().serializer(), Topics.ENRICHED.valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), service, new LogEvent(AT, "aborted " + i, "INFO", service, "h",
                        null, null, service + "-aborted-" + i, AT, null, Map.of())));
            }
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), service, new LogEvent(AT, "committed", "INFO", service, "h",
                    null, null, service + "-committed", AT, null, Map.of())));
            producer.commitTransaction();

            awaitCount(platform, 1, Duration.ofMinutes(1)); // the committed one, written after the aborted ones
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> count(platform) == 1); // and nothing more shows up
            assertThat(deadLetters(platform)).isZero();
        } finally {
            indexer.close();
        }
    }

    @Test
    void shouldIndexEverythingOnceAfterTheIndexerIsKilledMidBulk(TestPlatform platform) throws Exception {
        int events = 20_000;
        ChildProcess indexer = startIndexer(platform, platform.connections().elasticsearch());
        try {
            produce(platform, events);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> count(platform) >= 2_000);
            ChildProcess running = indexer;
            ProcessHandle.of(running.pid()).ifPresent(ProcessHandle::destroyForcibly);
            await().atMost(Duration.ofSeconds(10)).until(() -> !running.isAlive());
            running.close();
            long atKill = count(platform);
            LoggerFactory.getLogger(IndexerFaultsIT.class).info("indexer killed with {} of {} indexed", atKill, events);
            assertThat(atKill).as("killed mid-stream").isLessThan(events);
            indexer = startIndexer(platform, platform.connections().elasticsearch(), false);
            awaitCount(platform, events, Duration.ofMinutes(3));
            assertThat(deadLetters(platform)).isZero();
        } finally {
            indexer.close();
        }
    }

    @Test
    void shouldIndexEverythingOnceAfterElasticsearchIsFrozenLongerThanEveryTimeout(TestPlatform platform) throws Exception {
        // a hung request is retried (item-retries 5, so 6 requests of up to 5 s and their backoff) before the batch is
        // handed back and the partitions paused and polled: 45 s between polls is the budget that must hold
        ChildProcess indexer = new IndexerHarness(platform, service).startIndexer(platform.connections().elasticsearch(), true,
                "--spring.kafka.consumer.properties.max.poll.interval.ms=45000");
        try {
            Assumptions.assumeTrue(platform.freezeElasticsearch(), "the platform cannot freeze its Elasticsearch");
            try {
                produce(platform, 5_000);
                Thread.sleep(IndexerHarness.FAULT_WINDOW.toMillis());
            } finally {
                platform.thawElasticsearch();
            }
            awaitCount(platform, 5_000, Duration.ofMinutes(3));
            assertThat(deadLetters(platform)).isZero();
            assertThat(indexer.isAlive()).isTrue();
            assertThat(IndexerHarness.assignments(indexer)).as("never evicted from the group while its requests hung").isEqualTo(1);
        } finally {
            indexer.close();
        }
    }

    @Test
    void shouldIndexEverythingOnceAfterElasticsearchIsStoppedLongerThanEveryTimeoutUnderLoad(TestPlatform platform) throws Exception {
        // refused connections fail at once: a consumer that stopped polling for 15 s would be evicted, and the
        // outage lasts twice that, so "no rebalance" below proves the paused partitions were polled throughout
        ChildProcess indexer = new IndexerHarness(platform, service).startIndexer(platform.connections().elasticsearch(), true,
                "--spring.kafka.consumer.properties.max.poll.interval.ms=15000");
        try {
            produce(platform, 0, 2_500);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> count(platform) >= 500);
            Assumptions.assumeTrue(platform.stopElasticsearch(), "the platform does not own the Elasticsearch process");
            try {
                produce(platform, 2_500, 2_500);
                Thread.sleep(IndexerHarness.FAULT_WINDOW.toMillis());
                assertThat(indexer.isAlive()).isTrue();
                // the partitions are paused, and the lag says how much is waiting: at least what was sent meanwhile
                assertThat(lag()).isGreaterThanOrEqualTo(2_500);
            } finally {
                platform.startElasticsearch();
            }
            awaitCount(platform, 5_000, Duration.ofMinutes(3));
            assertThat(deadLetters(platform)).isZero();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> lag() == 0);
            assertThat(IndexerHarness.assignments(indexer)).as("paused and polled through the outage: never evicted, no rebalance")
                    .isEqualTo(1);
        } finally {
            indexer.close();
        }
    }

    private BulkDocument document(String id) {
        LogEvent event = new LogEvent(AT, "event " + id, "INFO", service, "h", null, null, id, AT, null, Map.of());
        return new BulkDocument(new Coordinates("logs.enriched.v1", 0, id.hashCode()), service,
                IndexNames.daily(service, AT), id, Topics.ENRICHED.valueSerde().serializer().serialize("t", event));
    }

    private ChildProcess startIndexer(TestPlatform platform, ElasticsearchIdentities elasticsearch) throws Exception {
        return startIndexer(platform, elasticsearch, true);
    }

    private ChildProcess startIndexer(TestPlatform platform, ElasticsearchIdentities elasticsearch, boolean newGroup) throws Exception {
        return new IndexerHarness(platform, service).startIndexer(elasticsearch, newGroup);
    }

    private void produce(TestPlatform platform, int events) {
        produce(platform, 0, events);
    }

    private void produce(TestPlatform platform, int first, int events) {
        new IndexerHarness(platform, service).produce(first, events);
    }

    private long count(TestPlatform platform) throws Exception {
        return new IndexerHarness(platform, service).count(platform.elasticsearch());
    }

    /** Waits for exactly {@code expected} documents: ids are unique per document, so a count above it is impossible and below it is loss. */
    private void awaitCount(TestPlatform platform, long expected, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> count(platform) == expected);
    }

    /** The running indexer's gauge {@code sluice.consumer.lag}, as its metrics endpoint shows it. */
    private static double lag() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Service.INDEXER.managementUrl(Profile.TEST) + "/actuator/metrics/sluice.consumer.lag?tag=stage:indexer")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body()).path("measurements").get(0).path("value").asDouble();
    }

    private long deadLetters(TestPlatform platform) {
        return new IndexerHarness(platform, service).deadLetters(0).size();
    }
}
