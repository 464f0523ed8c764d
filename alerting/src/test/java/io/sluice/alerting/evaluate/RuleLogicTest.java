package io.sluice.alerting.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.alerting.rules.EventMatcher;
import io.sluice.alerting.rules.Rule;
import io.sluice.alerting.rules.Condition;
import io.sluice.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule decisions as pure functions: observations and clock ticks in, state and alerts out — no Kafka, no topology. */
class RuleLogicTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Rule THRESHOLD = Rule.serviceErrors(3, Duration.ofMinutes(1), Duration.ofSeconds(10));

    private static Observation error(Instant at) {
        return new Observation("service-errors", "checkout", at, true, "checkout", null, "boom", null);
    }

    /** Feeds the observations in order, each seen at its own event time. */
    private static Step observeAll(Rule rule, List<Instant> times) {
        RuleState state = null;
        Step step = null;
        for (Instant at : times) {
            step = RuleLogic.observe(rule, state, error(at), at, at);
            state = step.state();
        }
        return step;
    }

    @Test
    void shouldFireOnceWhenAWindowReachesTheThresholdAndNotAgainForMoreOfTheSame() {
        Step third = observeAll(THRESHOLD, List.of(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3)));
        assertThat(third.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(Alert.State.FIRING);
            assertThat(alert.value()).isEqualTo(3);
            assertThat(alert.windowStart()).isEqualTo(T0);
        });

        Step fourth = RuleLogic.observe(THRESHOLD, third.state(), error(T0.plusSeconds(4)), T0.plusSeconds(4), T0.plusSeconds(4));
        assertThat(fourth.alerts()).isEmpty();
    }

    @Test
    void shouldNotFireBelowTheThreshold() {
        assertThat(observeAll(THRESHOLD, List.of(T0.plusSeconds(1), T0.plusSeconds(2))).alerts()).isEmpty();
    }

    @Test
    void shouldCallAnEventForAWindowClosedGraceIncludedLate() {
        Step first = RuleLogic.observe(THRESHOLD, null, error(T0.plusSeconds(1)), T0.plusSeconds(1), T0.plusSeconds(1));
        Instant muchLater = T0.plus(Duration.ofMinutes(5));

        Step late = RuleLogic.observe(THRESHOLD, first.state(), error(T0.plusSeconds(2)), muchLater, muchLater);

        assertThat(late.late()).isTrue();
        assertThat(late.alerts()).isEmpty();
    }

    @Test
    void shouldResolveAfterTwoQuietWindowsAndForgetTheGroup() {
        Step fired = observeAll(THRESHOLD, List.of(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3)));
        Instant quiet = T0.plus(Duration.ofMinutes(2)).plusSeconds(10);

        Step resolved = RuleLogic.tick(THRESHOLD, fired.state(), quiet, quiet);

        assertThat(resolved.alerts()).singleElement().satisfies(alert -> assertThat(alert.state()).isEqualTo(Alert.State.RESOLVED));
        assertThat(resolved.state()).as("nothing open, nothing firing").isNull();
    }

    @Test
    void shouldRemindAfterTheCooldownDoublingUpToTheMaximum() {
        assertThat(RuleLogic.cooldown(THRESHOLD, 1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(RuleLogic.cooldown(THRESHOLD, 2)).isEqualTo(Duration.ofMinutes(30));
        assertThat(RuleLogic.cooldown(THRESHOLD, 3)).isEqualTo(Duration.ofHours(1));
        assertThat(RuleLogic.cooldown(THRESHOLD, 10)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void shouldFireANewErrorOnItsFirstSightAndNotWhileItKeepsComing() {
        Rule newError = new Rule("new-errors", "New errors", EventMatcher.ALL, "error.fingerprint", Duration.ofMinutes(15),
                Duration.ofHours(4), null, null, new Condition.NewError(new Condition.Windows(Duration.ofMinutes(1),
                        Duration.ofSeconds(10)), Duration.ofDays(7)));
        Observation first = new Observation("new-errors", "fp-1", T0, true, "checkout", null, "NPE", "fp-1");

        Step seen = RuleLogic.observe(newError, null, first, T0, T0);
        Step again = RuleLogic.observe(newError, seen.state(), first, T0.plusSeconds(30), T0.plusSeconds(30));

        assertThat(seen.alerts()).singleElement().satisfies(alert -> assertThat(alert.state()).isEqualTo(Alert.State.FIRING));
        assertThat(again.alerts()).isEmpty();
    }
}
