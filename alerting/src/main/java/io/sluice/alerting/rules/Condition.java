package io.sluice.alerting.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When a rule fires: one record per rule type, holding only what that type uses and validated in its
 * constructor. A counting condition looks at tumbling event-time {@link Windows}; absence looks at silence.
 */
public sealed interface Condition {

    RuleType type();

    /** The limit an alert reports beside its value: a count, a ratio, minutes of silence. */
    double limit();

    /** How late an event may be and still count (zero for absence, which looks at the wall clock). */
    Duration grace();

    /** A tumbling event-time window and how late an event may arrive and still count in it. */
    record Windows(Duration window, Duration grace) {
        public Windows {
            List<String> problems = new ArrayList<>();
            if (window.isZero() || window.isNegative()) {
                problems.add("window must be longer than 0");
            }
            if (grace.isNegative()) {
                problems.add("grace must not be negative");
            }
            InvalidRuleException.throwIfAny(problems);
        }
    }

    /** Conditions that count events in windows; the window is where the count is kept. */
    sealed interface Counting extends Condition {
        Windows windows();

        @Override
        default Duration grace() {
            return windows().grace();
        }
    }

    /** At least {@code count} matching events of one group in one window. */
    record Threshold(Windows windows, double count) implements Counting {
        public Threshold {
            atLeastOne("threshold", count);
        }

        @Override
        public RuleType type() {
            return RuleType.THRESHOLD;
        }

        @Override
        public double limit() {
            return count;
        }
    }

    /** Any event matching the rule's text or regex: a threshold of {@code count}, 1 unless set. */
    record Pattern(Windows windows, double count) implements Counting {
        public Pattern {
            atLeastOne("threshold", count);
        }

        @Override
        public RuleType type() {
            return RuleType.PATTERN;
        }

        @Override
        public double limit() {
            return count;
        }
    }

    /** Matching events / all events of the group in one closed window at least {@code ratio}, with {@code minEvents}. */
    record Ratio(Windows windows, double ratio, long minEvents) implements Counting {
        public Ratio {
            List<String> problems = new ArrayList<>();
            if (!(ratio > 0 && ratio <= 1)) {
                problems.add("ratio '" + show(ratio) + "' must be a number above 0 and at most 1");
            }
            if (minEvents < 1) {
                problems.add("min-events '" + minEvents + "' must be a number of at least 1");
            }
            InvalidRuleException.throwIfAny(problems);
        }

        @Override
        public RuleType type() {
            return RuleType.RATIO;
        }

        @Override
        public double limit() {
            return ratio;
        }
    }

    /** A window's count at least {@code factor} × the mean of the {@code baselineWindows} before it, and at least {@code minCount}. */
    record Spike(Windows windows, double minCount, int baselineWindows, double factor) implements Counting {
        public Spike {
            List<String> problems = new ArrayList<>();
            if (!(minCount >= 1)) {
                problems.add("min-count '" + show(minCount) + "' must be a number of at least 1");
            }
            if (baselineWindows < 1 || baselineWindows > 1_000) {
                problems.add("baseline-windows '" + baselineWindows + "' must be a number of at least 1");
            }
            if (!(factor >= 1)) {
                problems.add("factor '" + show(factor) + "' must be a number of at least 1");
            }
            InvalidRuleException.throwIfAny(problems);
        }

        @Override
        public RuleType type() {
            return RuleType.SPIKE;
        }

        @Override
        public double limit() {
            return minCount;
        }
    }

    /** An error fingerprint unseen for {@code lookback}; resolved after a {@code quiet} window without it. */
    record NewError(Windows quiet, Duration lookback) implements Condition {
        public NewError {
            if (lookback.isZero() || lookback.isNegative()) {
                InvalidRuleException.throwIfAny(List.of("lookback must be longer than 0"));
            }
        }

        @Override
        public RuleType type() {
            return RuleType.NEW_ERROR;
        }

        @Override
        public double limit() {
            return 1;
        }

        @Override
        public Duration grace() {
            return quiet.grace();
        }
    }

    /** A group (a service) that sent nothing for {@code silence}, by the wall clock. */
    record Absence(Duration silence) implements Condition {
        public Absence {
            if (silence.isZero() || silence.isNegative()) {
                InvalidRuleException.throwIfAny(List.of("for must be longer than 0"));
            }
        }

        @Override
        public RuleType type() {
            return RuleType.ABSENCE;
        }

        @Override
        public double limit() {
            return silence.toSeconds() / 60.0;
        }

        @Override
        public Duration grace() {
            return Duration.ZERO;
        }
    }

    private static void atLeastOne(String key, double value) {
        if (!(value >= 1)) {
            InvalidRuleException.throwIfAny(List.of(key + " '" + show(value) + "' must be a number of at least 1"));
        }
    }

    /** A number as its author wrote it: 5, not 5.0. */
    private static String show(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
