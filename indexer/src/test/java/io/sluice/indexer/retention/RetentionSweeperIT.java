package io.sluice.indexer.retention;

import io.sluice.indexer.TestElasticsearch;
import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.sluice.index.IndexNames;
import io.sluice.index.IndexTemplate;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retention against the real Elasticsearch: expired daily indices go, everything else stays. */
@SluiceIntegrationTest
class RetentionSweeperIT {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void shouldDeleteOnlyIndicesOutsideTheirRetention(TestPlatform platform) throws Exception {
        IndexTemplate.installAll(platform.elasticsearch());
        String run = UUID.randomUUID().toString().substring(0, 8);
        String web = "ret-web-" + run;
        String audit = "ret-audit-" + run;
        // monthly indices are shared by every run: months no other test writes (dead letters: 90 days, alerts: 400)
        List<String> expired = List.of("logs-" + web + "-2026.11.15", "logs-" + audit + "-2025.11.01",
                "sluice-dlq-2020.01", "sluice-alerts-2020.01");
        List<String> kept = List.of("logs-" + web + "-2026.11.16", "logs-" + web + "-2026.11.22",
                "logs-" + audit + "-2026.01.01", "logs-" + web + "-archive",
                "sluice-dlq-2026.09", "sluice-alerts-2025.11", "sluice-dlq-archive-" + run);
        List<String> created = new java.util.ArrayList<>();
        try (ElasticsearchClient client = TestElasticsearch.client(platform.elasticsearch())) {
            for (String index : concat(expired, kept)) {
                if (!client.indices().exists(exists -> exists.index(index)).value()) {
                    client.indices().create(create -> create.index(index));
                    created.add(index);
                }
            }
            RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(7), Map.of(audit, Duration.ofDays(365)));

            // swept with the keys the indexer holds: its own (logs and dead letters) and the audit's retention key
            List<String> deleted;
            try (ElasticsearchClient indexer = TestElasticsearch.client(platform.elasticsearchAs(ElasticsearchPrincipal.INDEXER));
                    ElasticsearchClient auditRetention = TestElasticsearch.client(platform.elasticsearchAs(ElasticsearchPrincipal.AUDIT_RETENTION))) {
                deleted = new RetentionSweeper(indexer, auditRetention, policy, new MonthlyRetention(Duration.ofDays(90), Duration.ofDays(400)),
                        Clock.fixed(NOW, ZoneOffset.UTC)).sweep();
            }

            assertThat(deleted).containsAll(expired).doesNotContainAnyElementsOf(kept);
            assertThat(deleted).allSatisfy(name -> assertThat(IndexNames.parse(name).isPresent() || IndexNames.parseMonthly(name).isPresent())
                    .isTrue());
            for (String index : expired) {
                assertThat(client.indices().exists(exists -> exists.index(index)).value()).as(index).isFalse();
            }
            for (String index : kept) {
                assertThat(client.indices().exists(exists -> exists.index(index)).value()).as(index).isTrue();
            }
            List<String> ours = kept.stream().filter(created::contains).toList();
            client.indices().delete(delete -> delete.index(ours));
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
