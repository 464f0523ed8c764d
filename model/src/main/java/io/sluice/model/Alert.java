package io.sluice.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert decided by the alerting stream and published to {@code alerts.v1}: which rule fired for
 * which group, over which event-time window, with how many events against what threshold.
 *
 * <p>{@code dedupeKey} (rule + group + window start) identifies the alert: delivering it twice is
 * detectable.
 */
public record Alert(
        String ruleId,
        String service,
        long count,
        long threshold,
        Instant windowStart,
        Instant windowEnd,
        String sampleMessage) {

    public Alert {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        sampleMessage = sampleMessage == null ? "" : sampleMessage;
    }

    public String dedupeKey() {
        return ruleId + "/" + service + "/" + windowStart.toEpochMilli();
    }
}
