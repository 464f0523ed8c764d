package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.json.Json;
import io.sluice.model.CatalogEntry;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.elasticsearch.TeamAccess;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code ./sluice access grant --team T}: a team's credential reads the logs of its services as the catalog names
 * them, and nothing of another team's — not through {@code logs-*}, a wildcard, an explicit index, an alias, or a
 * service whose name starts like one of its own.
 */
@SluiceIntegrationTest
class TeamAccessIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String day = LocalDate.now(ZoneOffset.UTC).toString().replace('-', '.');

    @Test
    void aTeamReadsItsOwnServicesLogsAndNothingOfAnotherTeams(TestPlatform platform) throws Exception {
        String teamA = "ta" + run;
        String teamB = "tb" + run;
        String own = "a-" + run;
        String other = "b-" + run;
        String lookalike = "a-" + run + "x"; // starts like team A's service, belongs to team B
        try (KafkaProducer<String, CatalogEntry> catalog = new KafkaProducer<>(platform.kafka().with(Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                Topics.CATALOG.keySerde().serializer(), Topics.CATALOG.valueSerde().serializer())) {
            catalog.send(new ProducerRecord<>(Topics.CATALOG.name(), own, new CatalogEntry(teamA, "alice", null, null)));
            catalog.send(new ProducerRecord<>(Topics.CATALOG.name(), other, new CatalogEntry(teamB, "bob", null, null)));
            catalog.send(new ProducerRecord<>(Topics.CATALOG.name(), lookalike, new CatalogEntry(teamB, "bob", null, null)));
            catalog.flush();
        }
        ElasticsearchAccess admin = platform.elasticsearch();
        for (String service : new String[] {own, other, lookalike}) {
            assertThat(Elasticsearch.status(admin, "PUT", "/" + index(service) + "/_doc/1?refresh=true", "{\"message\":\"from " + service + "\"}"))
                    .isEqualTo(201);
        }
        assertThat(Elasticsearch.status(admin, "POST", "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + index(other) + "\",\"alias\":\"all-"
                + run + "\"}}]}")).isEqualTo(200);

        TeamAccess access = new TeamAccess(RuntimeSettings.of(Profile.TEST, System.getenv()));
        ElasticsearchAccess a = access.grantFromCatalog(teamA, platform.kafka());
        ElasticsearchAccess b = access.grantFromCatalog(teamB, platform.kafka());
        // the node reloads its realm files by itself within seconds
        await().atMost(Duration.ofSeconds(30)).until(() -> Elasticsearch.status(a, "GET", "/_security/_authenticate", null) == 200
                && Elasticsearch.status(b, "GET", "/_security/_authenticate", null) == 200);

        assertThat(count(a, "logs-*")).as("everything team A may see").isEqualTo(1);
        assertThat(count(a, "logs-a-" + run + "*")).as("a wildcard over its own and the look-alike").isEqualTo(1);
        assertThat(count(a, index(own))).isEqualTo(1);
        assertThat(Elasticsearch.status(a, "GET", "/" + index(other) + "/_count", null)).isEqualTo(403);
        assertThat(Elasticsearch.status(a, "GET", "/" + index(lookalike) + "/_count", null)).isEqualTo(403);
        assertThat(Elasticsearch.status(a, "POST", "/" + index(other) + "/_search", "{}")).isEqualTo(403);
        assertThat(Elasticsearch.status(a, "GET", "/all-" + run + "/_count", null)).as("an alias over team B's index").isEqualTo(403);
        assertThat(Elasticsearch.status(a, "PUT", "/" + index(own) + "/_doc/2", "{\"message\":\"x\"}")).as("read only").isEqualTo(403);

        assertThat(count(b, "logs-*")).as("team B: its service and the look-alike").isEqualTo(2);
        assertThat(Elasticsearch.status(b, "GET", "/" + index(own) + "/_count", null)).isEqualTo(403);

        Elasticsearch.status(admin, "DELETE", "/" + index(own) + "," + index(other) + "," + index(lookalike), null);
    }

    private String index(String service) {
        return "logs-" + service + "-" + day;
    }

    private static long count(ElasticsearchAccess access, String pattern) throws Exception {
        HttpResponse<String> response = access.httpClient().send(access.request("/" + pattern
                + "/_count?ignore_unavailable=true&allow_no_indices=true").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body()).path("count").asLong();
    }
}
