package io.sluice.alerting.rules;

import java.time.Duration;

/**
 * One alert rule, as a rules file defines it (validated: see {@link RuleFile}). Parameters that a type
 * does not use are left at their defaults.
 *
 * @param id              unique, stable: part of every alert's dedupe key
 * @param match           which events count
 * @param groupBy         the field alerts are grouped by ({@code service.name} unless set; fingerprints for new-error)
 * @param window          tumbling event-time window
 * @param grace           how late an event may arrive and still count in its window
 * @param threshold       threshold, pattern: matching events in one window; ratio: the ratio
 * @param minEvents       ratio: fewest events in a window for its ratio to count
 * @param lookback        new-error: how long a fingerprint must have been unseen to be new
 * @param absentFor       absence: silence that fires
 * @param baselineWindows spike: windows before the current one whose mean is the baseline
 * @param factor          spike: how many times the baseline fires
 * @param cooldown        first pause before a still-firing alert is notified again; doubles each time
 * @param maxCooldown     the longest pause between reminders
 * @param runbook         a link shown in the alert, or null
 * @param route           the Slack route for this rule's alerts, or null for the event's team's (else default)
 */
public record Rule(
        String id,
        String name,
        RuleType type,
        EventMatcher match,
        String groupBy,
        Duration window,
        Duration grace,
        double threshold,
        long minEvents,
        Duration lookback,
        Duration absentFor,
        int baselineWindows,
        double factor,
        Duration cooldown,
        Duration maxCooldown,
        String runbook,
        String route) {

    /**
     * The one rule in force without a rules file: {@code threshold} ERROR/FATAL events of one service in a
     * tumbling event-time {@code window}, counting events up to {@code grace} late; reminded after 15 minutes,
     * doubling up to 4 hours.
     */
    public static Rule serviceErrors(double threshold, Duration window, Duration grace) {
        return new Rule("service-errors", "Errors", RuleType.THRESHOLD,
                new EventMatcher(java.util.Set.of("ERROR", "FATAL"), java.util.Set.of(), null, null, java.util.Map.of()), "service.name",
                window, grace, threshold, 20, Duration.ofDays(7), null, 6, 3, Duration.ofMinutes(15), Duration.ofHours(4), null, null);
    }
}
