package io.sluice.indexer.retention;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.sluice.index.IndexNames;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the daily log indices whose day has left the retention window, and the monthly dead-letter and
 * alert indices whose month has ({@link MonthlyRetention}). Only indices named by {@link IndexNames} are
 * touched; anything else under those patterns is left alone.
 *
 * <p>The alert audit is swept with a client of its own: the indexer may write the audit but never delete
 * it, so its retention runs as a user that may only list and delete alert-audit months. Without one
 * ({@code auditClient} null) the audit is kept, and the sweeper says so once.
 */
public final class RetentionSweeper {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);
    private static final int DELETE_BATCH = 50;

    private final ElasticsearchClient client;
    private final ElasticsearchClient auditClient;
    private final RetentionPolicy policy;
    private final MonthlyRetention monthly;
    private final Clock clock;

    public RetentionSweeper(ElasticsearchClient client, ElasticsearchClient auditClient, RetentionPolicy policy,
            MonthlyRetention monthly, Clock clock) {
        this.client = client;
        this.auditClient = auditClient;
        if (auditClient == null) {
            log.warn("retention: the alert audit (sluice-alerts-*) is kept for good: no key may delete it"
                    + " (sluice.indexer.audit-retention-authorization)");
        }
        this.policy = policy;
        this.monthly = monthly;
        this.clock = clock;
    }

    /** Deletes what expired; returns the names deleted. */
    public List<String> sweep() throws IOException {
        List<String> expired = new ArrayList<>();
        for (String name : client.indices().get(get -> get.index(IndexNames.PATTERN)).indices().keySet()) {
            IndexNames.parse(name).filter(index -> policy.isExpired(index, clock.instant()))
                    .ifPresent(index -> expired.add(index.name()));
        }
        delete(client, expired);
        List<String> deleted = new ArrayList<>(expired);
        for (IndexNames.MonthlyIndex.Family family : IndexNames.MonthlyIndex.Family.values()) {
            ElasticsearchClient sweeping = family == IndexNames.MonthlyIndex.Family.ALERTS ? auditClient : client;
            if (sweeping != null) {
                List<String> months = expiredMonths(sweeping, family);
                delete(sweeping, months);
                deleted.addAll(months);
            }
        }
        return deleted;
    }

    private List<String> expiredMonths(ElasticsearchClient sweeping, IndexNames.MonthlyIndex.Family family) throws IOException {
        List<String> expired = new ArrayList<>();
        for (String name : sweeping.indices().get(get -> get.index(family.pattern())).indices().keySet()) {
            IndexNames.parseMonthly(name).filter(index -> monthly.isExpired(index, clock.instant()))
                    .ifPresent(index -> expired.add(index.name()));
        }
        return expired;
    }

    private static void delete(ElasticsearchClient sweeping, List<String> expired) throws IOException {
        for (int from = 0; from < expired.size(); from += DELETE_BATCH) {
            List<String> batch = expired.subList(from, Math.min(expired.size(), from + DELETE_BATCH));
            sweeping.indices().delete(delete -> delete.index(batch));
            log.info("retention: deleted {} expired indices: {}", batch.size(), batch);
        }
    }
}
