package io.sluice.indexer.wiring;

import io.sluice.indexer.bulk.WriteHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN while Elasticsearch does not take the indexer's writes, saying why in words ({@code problem}). */
@Component("elasticsearchWrites")
class ElasticsearchWritesHealthIndicator implements HealthIndicator {

    private final WriteHealth writes;

    ElasticsearchWritesHealthIndicator(WriteHealth writes) {
        this.writes = writes;
    }

    @Override
    public Health health() {
        WriteHealth.Snapshot snapshot = writes.snapshot();
        if (snapshot.problem() == null) {
            return Health.up().build();
        }
        return Health.down().withDetail("problem", snapshot.describe()).withDetail("reason", snapshot.problem().name())
                .withDetail("since", snapshot.since().toString()).build();
    }
}
