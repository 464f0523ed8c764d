package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.index.IndexTemplate;
import io.sluice.runtime.ClusterShape;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.SluiceHome;
import io.sluice.runtime.elasticsearch.ElasticsearchCluster;
import io.sluice.runtime.elasticsearch.ElasticsearchNode;
import io.sluice.runtime.elasticsearch.LocalElasticsearchIdentities;
import io.sluice.runtime.process.ChildProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Three real Elasticsearch nodes in one secured cluster (transport over TLS with the local CA), the index templates
 * with one replica: killing the node that holds a daily index's primary loses no document, and the index turns green
 * again once the node is back. A cluster of its own (HTTP 29600-29620), so killing nodes disturbs no other test.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticsearchClusterIT {

    private static final RuntimeSettings CLUSTER = new RuntimeSettings(Profile.TEST, SluiceHome.locate(),
            SluiceHome.locate().resolve(".sluice").resolve("test-es-cluster"), 0, 0, 0, 29600, 29700, "384m", 1)
            .withShape(new ClusterShape(1, 3, 1));

    private final List<ChildProcess> nodes = new ArrayList<>();
    private ElasticsearchAccess admin;

    @BeforeAll
    void startCluster() {
        nodes.addAll(ElasticsearchCluster.start(CLUSTER, System.getenv()));
        admin = new LocalElasticsearchIdentities(CLUSTER).admin();
        for (IndexTemplate template : IndexTemplate.values()) {
            send("PUT", "/_index_template/" + template.templateName(), template.body(1));
        }
    }

    @AfterAll
    void stopCluster() {
        nodes.forEach(ChildProcess::close);
    }

    @Test
    void shouldKeepEveryDocumentWhenThePrimarysNodeIsKilled() {
        String index = "logs-escluster-" + UUID.randomUUID().toString().substring(0, 8) + "-2026.11.30";
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            bulk.append("{\"create\":{\"_index\":\"").append(index).append("\",\"_id\":\"e-").append(i).append("\"}}\n")
                    .append("{\"@timestamp\":\"2026-11-30T10:00:00Z\",\"message\":\"line ").append(i).append("\"}\n");
        }
        assertThat(send("POST", "/_bulk?refresh=wait_for", bulk.toString()).path("errors").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(60)).until(() -> "green".equals(health(index)));
        assertThat(send("GET", "/_cluster/health", null).path("number_of_nodes").asInt()).isEqualTo(3);

        String primaryNode = send("GET", "/_cat/shards/" + index + "?format=json&h=prirep,node", null).valueStream()
                .filter(shard -> "p".equals(shard.path("prirep").asString())).findFirst().orElseThrow().path("node").asString();
        int victim = primaryNode.endsWith("-2") ? 2 : primaryNode.endsWith("-3") ? 3 : 1;
        if (victim == 1) {
            admin = admin.at(CLUSTER.elasticsearchNodes().get(1).url()); // the administrator's node is about to die: ask another
        }
        ProcessHandle.of(nodes.get(victim - 1).pid()).ifPresent(ProcessHandle::destroyForcibly);
        long killed = System.nanoTime();

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> count(index) == 200);
        System.out.printf("[es-cluster] kill -9 of %s (primary of %s): all 200 documents found again after %d ms, index %s%n",
                primaryNode, index, (System.nanoTime() - killed) / 1_000_000, health(index));

        ElasticsearchNode again = new ElasticsearchNode(CLUSTER, System.getenv(), List.of(), CLUSTER.elasticsearchNodes().get(victim - 1));
        nodes.set(victim - 1, again.launch());
        again.awaitReady(nodes.get(victim - 1));
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> "green".equals(health(index)));
        assertThat(count(index)).isEqualTo(200);
    }

    private String health(String index) {
        return send("GET", "/_cluster/health/" + index + "?timeout=2s", null).path("status").asString();
    }

    private long count(String index) {
        return send("GET", "/" + index + "/_count", null).path("count").asLong();
    }

    private JsonNode send(String method, String path, String body) {
        try {
            HttpResponse<String> response = admin.httpClient().send(admin.request(path).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return io.sluice.json.Json.MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
