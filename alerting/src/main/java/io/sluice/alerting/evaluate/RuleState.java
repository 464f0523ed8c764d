package io.sluice.alerting.evaluate;

import java.time.Instant;
import java.util.List;

/**
 * What the alerting stream remembers of one rule and group, in a changelogged store (so a restart
 * neither forgets a firing alert nor announces it again).
 *
 * @param buckets       recent windows, oldest first: the open ones and, for spikes, the baseline
 * @param breachStart   start of the latest window that breached, while firing
 * @param lastEvent     event time of the latest observation
 * @param lastReceived  wall-clock time of the latest observation (absence rules measure silence with it)
 * @param firstSeen     event time of the first observation (spike rules learn a baseline first)
 * @param notifications notifications sent in the current firing (1 after FIRING, +1 per reminder)
 * @param samples       a few recent matching messages (cut short)
 */
public record RuleState(
        String ruleId,
        String group,
        boolean firing,
        List<Bucket> buckets,
        Long breachStart,
        Instant lastEvent,
        Instant lastReceived,
        Instant firstSeen,
        Instant firedAt,
        Instant lastNotified,
        double firedValue,
        Instant firedWindowStart,
        int notifications,
        String service,
        String team,
        String fingerprint,
        List<String> samples) {

    public RuleState {
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    static RuleState first(Observation observation) {
        return new RuleState(observation.ruleId(), observation.group(), false, List.of(), null, observation.time(), null,
                observation.time(), null, null, 0, null, 0, observation.service(), observation.team(),
                observation.fingerprint(), List.of());
    }

    RuleState withBuckets(List<Bucket> newBuckets) {
        return new RuleState(ruleId, group, firing, newBuckets, breachStart, lastEvent, lastReceived, firstSeen, firedAt,
                lastNotified, firedValue, firedWindowStart, notifications, service, team, fingerprint, samples);
    }

    RuleState seen(Observation observation, Instant now, List<String> newSamples) {
        Instant latest = lastEvent == null || observation.time().isAfter(lastEvent) ? observation.time() : lastEvent;
        return new RuleState(ruleId, group, firing, buckets, breachStart, latest, now, firstSeen, firedAt, lastNotified,
                firedValue, firedWindowStart, notifications,
                observation.service() != null ? observation.service() : service,
                observation.team() != null ? observation.team() : team,
                observation.fingerprint() != null ? observation.fingerprint() : fingerprint, newSamples);
    }

    RuleState breached(long windowStart) {
        return new RuleState(ruleId, group, firing, buckets, breachStart == null || windowStart > breachStart ? windowStart : breachStart,
                lastEvent, lastReceived, firstSeen, firedAt, lastNotified, firedValue, firedWindowStart, notifications,
                service, team, fingerprint, samples);
    }

    RuleState fired(Instant now, double value, Instant windowStart, Long breach) {
        return new RuleState(ruleId, group, true, buckets, breach, lastEvent, lastReceived, firstSeen, now, now, value,
                windowStart, 1, service, team, fingerprint, samples);
    }

    RuleState reminded(Instant now) {
        return new RuleState(ruleId, group, true, buckets, breachStart, lastEvent, lastReceived, firstSeen, firedAt, now,
                firedValue, firedWindowStart, notifications + 1, service, team, fingerprint, samples);
    }

    RuleState resolved() {
        return new RuleState(ruleId, group, false, buckets, null, lastEvent, lastReceived, firstSeen, firedAt, lastNotified,
                firedValue, firedWindowStart, 0, service, team, fingerprint, samples);
    }
}
