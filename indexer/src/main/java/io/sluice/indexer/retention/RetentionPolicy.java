package io.sluice.indexer.retention;

import io.sluice.index.IndexNames;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * How many days of logs are kept, for every service or per service (keys are service names; they
 * are compared in their index-name form). A day is kept while it is within the last {@code N} UTC
 * days including today; ILM is not available on every cluster Sluice runs against, so the indexer
 * applies this itself.
 */
public record RetentionPolicy(Duration retention, Map<String, Duration> perService) {

    public RetentionPolicy {
        Map<String, Duration> safe = new HashMap<>();
        if (perService != null) {
            perService.forEach((service, days) -> safe.put(IndexNames.safeService(service), days));
        }
        perService = Map.copyOf(safe);
        if (retention.toDays() < 1 || perService.values().stream().anyMatch(days -> days.toDays() < 1)) {
            throw new IllegalArgumentException("retention must be at least one day");
        }
    }

    public Duration retentionOf(String service) {
        return perService.getOrDefault(IndexNames.safeService(service), retention);
    }

    /** The oldest UTC day still kept for the service. */
    public LocalDate oldestKeptDay(String service, Instant now) {
        return now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(retentionOf(service).toDays() - 1);
    }

    public boolean isExpired(IndexNames.DailyIndex index, Instant now) {
        return index.day().isBefore(oldestKeptDay(index.service(), now));
    }
}
