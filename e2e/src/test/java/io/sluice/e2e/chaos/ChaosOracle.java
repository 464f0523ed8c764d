package io.sluice.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.json.Json;
import io.sluice.model.Alert;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.topics.Topics;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What must hold after every fault: each line of every 2xx is indexed or dead-lettered — exactly once, and nothing else
 * is; an error burst produced exactly one FIRING decision on {@code alerts.v1}.
 */
final class ChaosOracle {

    private static final int IDS_PER_QUERY = 1_000;

    private final ChaosCluster cluster;

    ChaosOracle(ChaosCluster cluster) {
        this.cluster = cluster;
    }

    /** sent = indexed + dead-lettered, no {@code event.id} twice, no line left unacknowledged. */
    void assertBalanced(ChaosTraffic traffic) {
        assertThat(traffic.unacknowledged()).as("batches no ingest instance acknowledged within the sender's patience").isEmpty();
        Set<String> indexable = traffic.indexable();
        String indices = "/logs-" + traffic.service() + "-*";
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> count(indices, null) >= indexable.size());
        List<String> ids = new ArrayList<>(indexable);
        long found = 0;
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            found += count(indices, Json.MAPPER.createObjectNode().set("query", Json.MAPPER.createObjectNode()
                    .set("ids", Json.MAPPER.createObjectNode().set("values", Json.MAPPER.valueToTree(chunk)))).toString());
        }
        assertThat(found).as("acknowledged lines found indexed by their event.id").isEqualTo(indexable.size());
        assertThat(count(indices, null)).as("documents of " + traffic.service() + ": each acknowledged line once, nothing else")
                .isEqualTo(indexable.size());

        Set<String> expectedDead = traffic.deadLettered();
        List<String> dead = TopicRecords.read(cluster.kafkaAdmin(), Topics.DLQ.name(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(traffic.service() + "-"), expectedDead.size(),
                Duration.ofSeconds(60)).stream()
                .map(record -> deadId(traffic.service(), new String(record.value(), StandardCharsets.UTF_8))).toList();
        assertThat(dead).as("dead-lettered lines of " + traffic.service() + ", each once").containsExactlyInAnyOrderElementsOf(expectedDead);
    }

    /** Exactly one FIRING decision for the burst's service, and it stays one. */
    void assertOneFiring(String burstService) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> firings(burstService, Duration.ofSeconds(3)) >= 1);
        assertThat(firings(burstService, Duration.ofSeconds(5))).as("FIRING decisions on alerts.v1 for " + burstService).isEqualTo(1);
    }

    private long firings(String service, Duration reading) {
        return TopicRecords.read(cluster.kafkaAdmin(), Topics.ALERTS.name(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(service), Integer.MAX_VALUE, reading).stream()
                .map(record -> Json.MAPPER.readValue(record.value(), Alert.class))
                .filter(alert -> service.equals(alert.group()) && alert.state() == Alert.State.FIRING && alert.delivery() == null)
                .count();
    }

    /** The id of the sender's line a dead letter holds (the enriched event the indexer refused). */
    private static String deadId(String service, String value) {
        Matcher matcher = Pattern.compile(Pattern.quote(service) + "-\\d+-\\d+-old").matcher(value);
        return matcher.find() ? matcher.group() : value;
    }

    private long count(String indices, String query) {
        JsonNode answer = send(indices + "/_count?ignore_unavailable=true&allow_no_indices=true", query);
        if (!answer.has("count")) {
            throw new IllegalStateException("no count: " + answer);
        }
        return answer.path("count").asLong();
    }

    /** Asks the first Elasticsearch node that answers (one may be the fault). */
    JsonNode send(String path, String body) {
        IllegalStateException last = null;
        for (int node = 1; node <= cluster.settings().elasticsearchNodes().size(); node++) {
            ElasticsearchAccess admin = cluster.elasticsearchAdmin(node);
            try {
                HttpRequest.Builder request = admin.request(path).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
                request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
                HttpResponse<String> response = admin.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
                return Json.MAPPER.readTree(response.body());
            } catch (IOException e) {
                last = new IllegalStateException("node " + node + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw last;
    }
}
