package io.sluice.indexer.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.json.Json;
import io.sluice.topics.DeadLetterCode;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.SluiceHome;
import io.sluice.runtime.elasticsearch.ElasticsearchIdentities;
import io.sluice.runtime.elasticsearch.ElasticsearchNode;
import io.sluice.runtime.elasticsearch.LocalElasticsearchIdentities;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.DeadLetterRecords;
import io.sluice.topics.SluiceHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Deterministic refusals from a real Elasticsearch node of this test's own, stricter than the shared one:
 * requests over 1 MB are refused ({@code http.max_content_length: 1mb}, answered 413), and its disk
 * watermarks can be moved to put it at flood stage. No refusal wedges the indexer: an oversized event is
 * dead-lettered as {@code too_large} while the events around it are indexed; a write block pauses it —
 * health DOWN saying why, nothing dead-lettered — until space returns, then everything is indexed once.
 */
@SluiceIntegrationTest
class ElasticsearchRefusalsIT {

    private static final int PORT_SHIFT = 50;
    private static ChildProcess node;
    private static ElasticsearchIdentities strictNode;
    private static HttpClient http;

    private String service;

    @BeforeAll
    static void startStrictNode() {
        RuntimeSettings shared = RuntimeSettings.of(Profile.TEST, System.getenv());
        Path home = SluiceHome.locate();
        RuntimeSettings strict = new RuntimeSettings(Profile.TEST, home, home.resolve(".sluice").resolve("test-strict"),
                shared.kafkaPort(), shared.kafkaControllerPort(), shared.kafkaBrokerPort(), shared.elasticsearchPort() + PORT_SHIFT,
                shared.elasticsearchTransportPort() + PORT_SHIFT, "512m", shared.partitions());
        node = new ElasticsearchNode(strict, System.getenv(), List.of("http.max_content_length: 1mb",
                "cluster.info.update.interval: 10s")).start();
        LocalElasticsearchIdentities identities = new LocalElasticsearchIdentities(strict);
        // its own CA and users, as any node Sluice runs
        strictNode = identities;
        http = identities.admin().httpClient();
    }

    @AfterAll
    static void stopStrictNode() {
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void name() {
        service = "refusals-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldDeadLetterAnEventTooLargeForOneRequestAndIndexTheEventsAroundIt(TestPlatform platform) throws Exception {
        IndexerHarness harness = new IndexerHarness(platform, service);
        try (ChildProcess indexer = harness.startIndexer(strictNode, true)) {
            String big = "x".repeat(1_500_000);
            harness.produce(0, 101, i -> i == 50 ? big : "event " + i);

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> harness.count(strictNode.admin()) == 100);
            List<ConsumerRecord<String, byte[]>> dead = harness.deadLetters(1);
            assertThat(dead).singleElement().satisfies(record -> {
                String reason = SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_REASON);
                assertThat(DeadLetterCode.labelOf(record.headers())).isEqualTo("too_large");
                assertThat(reason).contains("exceeds the limit", "413");
                assertThat(SluiceHeaders.text(record.headers(), DeadLetterRecords.TRUNCATED)).as("cut to fit the dead-letter topic")
                        .isNotNull();
            });
            assertThat(harness.count(strictNode.admin())).as("sent 101 = indexed 100 + dead-lettered 1").isEqualTo(100);
            assertThat(indexer.isAlive()).isTrue();
        }
    }

    @Test
    void shouldPauseWhileTheDiskIsAtFloodStageAndResumeByItselfLosingNothing(TestPlatform platform) throws Exception {
        IndexerHarness harness = new IndexerHarness(platform, service);
        try (ChildProcess indexer = harness.startIndexer(strictNode, true, "--sluice.indexer.retry-backoff=100ms",
                "--sluice.indexer.max-backoff=1s", "--sluice.indexer.item-retries=2")) {
            harness.produce(0, 10); // the day's index exists before the disk fills
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> harness.count(strictNode.admin()) == 10);

            floodStage(true);
            try {
                await().atMost(Duration.ofSeconds(30)).until(ElasticsearchRefusalsIT::writesBlocked);
                harness.produce(10, 500);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> problem().contains("refuses writes"));
                assertThat(harness.count(strictNode.admin())).as("nothing written while blocked").isEqualTo(10);
            } finally {
                floodStage(false);
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> harness.count(strictNode.admin()) == 510);
            assertThat(harness.deadLetters(0)).as("a full disk is not the data's fault").isEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() -> problem().isEmpty());
            assertThat(indexer.isAlive()).isTrue();
        }
    }

    /** Moves the watermarks (as free space) above what any disk has, or back to the node's own. */
    private static void floodStage(boolean on) throws Exception {
        String body = on
                ? "{\"persistent\":{\"cluster.routing.allocation.disk.watermark.low\":\"3000tb\","
                        + "\"cluster.routing.allocation.disk.watermark.high\":\"2000tb\","
                        + "\"cluster.routing.allocation.disk.watermark.flood_stage\":\"1000tb\"}}"
                : "{\"persistent\":{\"cluster.routing.allocation.disk.watermark.low\":null,"
                        + "\"cluster.routing.allocation.disk.watermark.high\":null,"
                        + "\"cluster.routing.allocation.disk.watermark.flood_stage\":null}}";
        HttpResponse<String> response = http.send(strictNode.admin().request("/_cluster/settings")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static boolean writesBlocked() throws Exception {
        HttpResponse<String> response = http.send(strictNode.admin()
                .request("/_all/_settings/index.blocks.read_only_allow_delete").GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.body().contains("\"read_only_allow_delete\":\"true\"");
    }

    /** What the indexer's health says is wrong with its writes, or "" when nothing is. */
    private static String problem() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Service.INDEXER.managementUrl(Profile.TEST)
                + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode writes = Json.MAPPER.readTree(response.body()).path("components").path("elasticsearchWrites");
        return writes.path("details").path("problem").asString("");
    }
}
