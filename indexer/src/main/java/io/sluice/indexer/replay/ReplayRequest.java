package io.sluice.indexer.replay;

import java.time.Instant;
import java.util.Objects;

/**
 * What to re-index: records of {@code logs.enriched.v1} that reached Kafka between {@code from} and
 * {@code to}, of one service or (null) all.
 */
public record ReplayRequest(Instant from, Instant to, String service) {

    public ReplayRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        service = service == null || service.isBlank() ? null : service;
    }

    boolean covers(long timestampMillis, String key) {
        return timestampMillis >= from.toEpochMilli() && timestampMillis <= to.toEpochMilli()
                && (service == null || service.equals(key));
    }
}
