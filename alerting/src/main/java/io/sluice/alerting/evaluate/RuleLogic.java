package io.sluice.alerting.evaluate;

import io.sluice.alerting.rules.Rule;
import io.sluice.alerting.rules.Condition;
import io.sluice.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert lifecycle of one rule and group, as pure functions of state, observation and time:
 * {@link #observe} when an event arrives, {@link #tick} every second. Windows are tumbling and in
 * event time; a window counts as closed once {@code max(stream time, wall clock - grace)} passed its
 * end plus the grace, so a quiet stream still closes windows, and events later than that are dropped
 * (and counted). Lifecycle:
 * <ul>
 * <li>threshold, pattern, spike fire as soon as the open window crosses — not at its close;</li>
 * <li>ratio fires when a closed window's ratio crosses (a ratio can fall again, a count cannot);</li>
 * <li>all four resolve when the window after the last breaching one has closed without breaching;</li>
 * <li>new-error fires on a fingerprint unseen for {@code lookback} and resolves after a quiet {@code window};</li>
 * <li>absence fires after {@code for} without events (wall clock) and resolves with the next event;</li>
 * <li>a firing alert is notified again after {@code cooldown}, doubling up to {@code max-cooldown} (not new-error).</li>
 * </ul>
 */
public final class RuleLogic {

    static final int SAMPLES = 3;
    static final int SAMPLE_CHARS = 500;

    private RuleLogic() {
    }

    public static Step observe(Rule rule, RuleState known, Observation observation, Instant now, Instant streamTime) {
        RuleState state = known == null ? RuleState.first(observation) : known;
        List<Alert> alerts = new ArrayList<>();
        Condition condition = rule.condition();
        if (condition instanceof Condition.Absence) {
            state = state.seen(observation, now, state.samples());
            if (state.firing()) {
                alerts.add(alert(rule, state, Alert.State.RESOLVED, state.firedValue(), state.firedWindowStart(), observation.time(), now));
                state = state.resolved();
            }
        } else if (condition instanceof Condition.NewError newError) {
            boolean unseen = known == null || Duration.between(known.lastEvent(), observation.time()).compareTo(newError.lookback()) > 0;
            state = state.seen(observation, now, samples(state, observation));
            if (unseen && !state.firing()) {
                state = state.fired(now, 1, observation.time(), null);
                alerts.add(alert(rule, state, Alert.State.FIRING, 1, observation.time(), observation.time(), now));
            }
        } else {
            Condition.Counting counting = (Condition.Counting) condition;
            long window = counting.windows().window().toMillis();
            long start = Math.floorDiv(observation.time().toEpochMilli(), window) * window;
            if (closed(counting.windows(), start, now, streamTime)) {
                return new Step(known, List.of(), true);
            }
            List<Bucket> buckets = new ArrayList<>(state.buckets());
            int at = indexOf(buckets, start);
            Bucket bucket = (at >= 0 ? buckets.get(at) : new Bucket(start, 0, 0)).add(observation.matched());
            if (at >= 0) {
                buckets.set(at, bucket);
            } else {
                buckets.add(-at - 1, bucket);
            }
            state = state.withBuckets(buckets).seen(observation, now, observation.matched() ? samples(state, observation) : state.samples());
            if (!(counting instanceof Condition.Ratio) && breaches(counting, state, bucket)) {
                state = state.breached(start);
                if (!state.firing()) {
                    state = state.fired(now, bucket.matched(), Instant.ofEpochMilli(start), start);
                    alerts.add(alert(rule, state, Alert.State.FIRING, bucket.matched(), Instant.ofEpochMilli(start),
                            Instant.ofEpochMilli(start + window), now));
                }
            }
        }
        return new Step(state, alerts, false);
    }

    public static Step tick(Rule rule, RuleState state, Instant now, Instant streamTime) {
        Condition condition = rule.condition();
        List<Alert> alerts = new ArrayList<>();
        RuleState next = state;
        if (condition instanceof Condition.Absence absence) {
            if (!next.firing() && next.lastReceived() != null
                    && Duration.between(next.lastReceived(), now).compareTo(absence.silence()) >= 0) {
                double minutes = Duration.between(next.lastReceived(), now).toSeconds() / 60.0;
                next = next.fired(now, minutes, next.lastEvent(), null);
                alerts.add(alert(rule, next, Alert.State.FIRING, minutes, next.lastEvent(), now, now));
            }
        } else if (condition instanceof Condition.NewError newError) {
            Instant close = closeTime(newError.grace(), now, streamTime);
            Instant quietUntil = next.lastEvent().plus(newError.quiet().window()).plus(newError.grace());
            if (next.firing() && !close.isBefore(quietUntil)) {
                alerts.add(alert(rule, next, Alert.State.RESOLVED, next.firedValue(), next.firedWindowStart(), next.lastEvent(), now));
                next = next.resolved();
            }
            if (!next.firing() && Duration.between(next.lastEvent(), close).compareTo(newError.lookback()) > 0) {
                return new Step(null, alerts, false); // unseen for the whole lookback: new again next time
            }
            return new Step(next, alerts, false);
        } else {
            Condition.Counting counting = (Condition.Counting) condition;
            Instant close = closeTime(counting.grace(), now, streamTime);
            long window = counting.windows().window().toMillis();
            List<Bucket> kept = new ArrayList<>();
            for (Bucket bucket : next.buckets()) {
                boolean isClosed = closed(counting.windows(), bucket.start(), now, streamTime);
                if (isClosed && counting instanceof Condition.Ratio ratio && ratioBreaches(ratio, bucket)) {
                    next = next.breached(bucket.start());
                    if (!next.firing()) {
                        double value = (double) bucket.matched() / bucket.total();
                        next = next.fired(now, value, Instant.ofEpochMilli(bucket.start()), bucket.start());
                        alerts.add(alert(rule, next, Alert.State.FIRING, value, Instant.ofEpochMilli(bucket.start()),
                                Instant.ofEpochMilli(bucket.start() + window), now));
                    }
                }
                if (!isClosed || (counting instanceof Condition.Spike spike
                        && bucket.start() >= close.toEpochMilli() - (spike.baselineWindows() + 2L) * window - spike.grace().toMillis())) {
                    kept.add(bucket);
                }
            }
            next = next.withBuckets(kept);
            if (next.firing() && next.breachStart() != null
                    && close.toEpochMilli() >= next.breachStart() + 2 * window + counting.grace().toMillis()) {
                alerts.add(alert(rule, next, Alert.State.RESOLVED, next.firedValue(), next.firedWindowStart(),
                        Instant.ofEpochMilli(next.breachStart() + window), now));
                next = next.resolved();
            }
            if (!next.firing() && next.buckets().isEmpty()) {
                return new Step(null, alerts, false); // nothing open, nothing firing: nothing to remember
            }
        }
        if (next.firing() && alerts.isEmpty() && now.compareTo(next.lastNotified().plus(cooldown(rule, next.notifications()))) >= 0) {
            next = next.reminded(now);
            alerts.add(alert(rule, next, Alert.State.REMINDER, next.firedValue(), next.firedWindowStart(), now, now));
        }
        return new Step(next, alerts, false);
    }

    /** The pause before the next reminder: cooldown, doubled per reminder already sent, at most max-cooldown. */
    static Duration cooldown(Rule rule, int notifications) {
        Duration pause = rule.cooldown();
        for (int i = 1; i < notifications && pause.compareTo(rule.maxCooldown()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(rule.maxCooldown()) > 0 ? rule.maxCooldown() : pause;
    }

    private static boolean breaches(Condition.Counting counting, RuleState state, Bucket bucket) {
        if (bucket.matched() < counting.limit()) {
            return false;
        }
        if (!(counting instanceof Condition.Spike spike)) {
            return true;
        }
        long window = spike.windows().window().toMillis();
        long baselineFrom = bucket.start() - spike.baselineWindows() * window;
        if (Math.floorDiv(state.firstSeen().toEpochMilli(), window) * window > baselineFrom) {
            return false; // still learning what normal is
        }
        long sum = 0;
        for (Bucket earlier : state.buckets()) {
            if (earlier.start() >= baselineFrom && earlier.start() < bucket.start()) {
                sum += earlier.matched();
            }
        }
        return bucket.matched() >= spike.factor() * ((double) sum / spike.baselineWindows());
    }

    private static boolean ratioBreaches(Condition.Ratio ratio, Bucket bucket) {
        return bucket.total() >= ratio.minEvents() && (double) bucket.matched() / bucket.total() >= ratio.ratio();
    }

    private static Instant closeTime(Duration grace, Instant now, Instant streamTime) {
        Instant byClock = now.minus(grace);
        return streamTime != null && streamTime.isAfter(byClock) ? streamTime : byClock;
    }

    private static boolean closed(Condition.Windows windows, long windowStart, Instant now, Instant streamTime) {
        return closeTime(windows.grace(), now, streamTime).toEpochMilli()
                >= windowStart + windows.window().toMillis() + windows.grace().toMillis();
    }

    private static int indexOf(List<Bucket> buckets, long start) {
        int low = 0;
        int high = buckets.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long at = buckets.get(middle).start();
            if (at < start) {
                low = middle + 1;
            } else if (at > start) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    private static List<String> samples(RuleState state, Observation observation) {
        if (observation.message() == null) {
            return state.samples();
        }
        List<String> samples = new ArrayList<>(state.samples());
        if (samples.size() >= SAMPLES) {
            samples.remove(0);
        }
        String message = observation.message();
        samples.add(message.length() > SAMPLE_CHARS ? message.substring(0, SAMPLE_CHARS) : message);
        return samples;
    }

    static Alert alert(Rule rule, RuleState state, Alert.State what, double value, Instant from, Instant to, Instant now) {
        String dedupeKey = rule.id() + "/" + state.group();
        String alertId = dedupeKey + "@" + state.firedAt().toEpochMilli() + "#"
                + (what == Alert.State.RESOLVED ? "resolved" : Integer.toString(state.notifications()));
        String query = rule.match().kql();
        String groupClause = rule.groupBy() + ":\"" + state.group().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        query = query.isEmpty() ? groupClause : query + " and " + groupClause;
        return new Alert(alertId, dedupeKey, what, rule.id(), rule.type().fileName(), rule.name(), rule.groupBy(), state.group(),
                state.service(), state.team(), value, rule.condition().limit(),
                from, to, state.samples(), state.fingerprint(), query, rule.runbook(), rule.route(), state.notifications(),
                state.firedAt(), now, null);
    }
}
