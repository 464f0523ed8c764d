package io.sluice.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One notification decided by the alerting stream and published to {@code alerts.v1}: a rule started
 * firing for a group, is still firing (a reminder), or resolved — and, as a second record with the
 * same {@code alertId}, how its delivery ended. Both are kept for audit.
 *
 * @param alertId       unique per notification: {@code dedupeKey} and its sequence number
 * @param dedupeKey     rule + group: one lifecycle, one thread of messages
 * @param state         what happened
 * @param ruleType      threshold, ratio, new-error, absence, pattern or spike
 * @param group         the value the rule groups by (a service, a host, a fingerprint …)
 * @param groupBy       the field grouped by
 * @param value         what was measured (a count, a ratio) against {@code threshold}
 * @param windowStart   event-time window measured, or since when a service has been silent
 * @param query         the Kibana (KQL) query that shows exactly the matching logs
 * @param route         where the notification goes: a team or channel with a webhook of its own, or "default"
 * @param decidedAt     when the stream decided it (wall clock)
 * @param delivery      null on the decision; set on the record that reports its delivery
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
        String alertId,
        String dedupeKey,
        State state,
        String ruleId,
        String ruleType,
        String ruleName,
        String groupBy,
        String group,
        String service,
        String team,
        double value,
        double threshold,
        Instant windowStart,
        Instant windowEnd,
        List<String> samples,
        String fingerprint,
        String query,
        String runbook,
        String route,
        int notification,
        Instant firedAt,
        Instant decidedAt,
        Delivery delivery) {

    public enum State { FIRING, REMINDER, RESOLVED }

    /** How a notification's delivery ended. */
    public record Delivery(Outcome outcome, int attempts, String detail, Instant at) {

        /**
         * {@code UNDELIVERED}: the route kept failing (unreachable, 5xx, rate limited) until the alert's
         * delivery time ran out; it was given up so that nothing behind it waits.
         */
        public enum Outcome { DELIVERED, REFUSED, NOT_CONFIGURED, UNDELIVERED }
    }

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(ruleId, "ruleId");
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    public Alert delivered(Delivery outcome) {
        return new Alert(alertId, dedupeKey, state, ruleId, ruleType, ruleName, groupBy, group, service, team, value,
                threshold, windowStart, windowEnd, samples, fingerprint, query, runbook, route, notification, firedAt,
                decidedAt, outcome);
    }

    public boolean isDeliveryReport() {
        return delivery != null;
    }
}
