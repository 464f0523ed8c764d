package io.sluice.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void shouldCountErrorAndFatalEventsPerServiceWhenNoRulesFileIsGiven() {
        Rule rule = Rule.serviceErrors(10, Duration.ofMinutes(1), Duration.ofSeconds(30));

        assertThat(rule.type()).isEqualTo(RuleType.THRESHOLD);
        assertThat(rule.groupBy()).isEqualTo("service.name");
        assertThat(rule.condition()).isEqualTo(new Condition.Threshold(
                new Condition.Windows(Duration.ofMinutes(1), Duration.ofSeconds(30)), 10));
        assertThat(rule.match().levels()).containsExactlyInAnyOrder("ERROR", "FATAL");
        assertThat(rule.cooldown()).isEqualTo(Duration.ofMinutes(15));
        assertThat(rule.maxCooldown()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void shouldRefuseInItsConstructorWhatNoRuleOfItsTypeCanDo() {
        Condition.Windows minute = new Condition.Windows(Duration.ofMinutes(1), Duration.ofSeconds(30));

        assertThatThrownBy(() -> new Condition.Windows(Duration.ZERO, Duration.ZERO)).hasMessage("window must be longer than 0");
        assertThatThrownBy(() -> new Condition.Threshold(minute, 0)).hasMessage("threshold '0' must be a number of at least 1");
        assertThatThrownBy(() -> new Condition.Ratio(minute, 1.5, 0)).isInstanceOfSatisfying(InvalidRuleException.class,
                e -> assertThat(e.problems()).containsExactly("ratio '1.5' must be a number above 0 and at most 1",
                        "min-events '0' must be a number of at least 1"));
        assertThatThrownBy(() -> new Condition.Spike(minute, 10, 0, 0.5)).isInstanceOfSatisfying(InvalidRuleException.class,
                e -> assertThat(e.problems()).containsExactly("baseline-windows '0' must be a number of at least 1",
                        "factor '0.5' must be a number of at least 1"));
        assertThatThrownBy(() -> new Condition.Absence(Duration.ZERO)).hasMessage("for must be longer than 0");
        assertThatThrownBy(() -> new Rule("oom", "OOM", EventMatcher.ALL, "service.name", Duration.ofMinutes(15),
                Duration.ofHours(4), null, null, new Condition.Pattern(minute, 1)))
                .hasMessage("a pattern rule needs match.contains or match.regex");
        assertThatThrownBy(() -> new Rule("Bad_Id", "x", EventMatcher.ALL, "customer.tier", Duration.ofHours(1), Duration.ofMinutes(1),
                "ftp://runbooks", null, new Condition.Threshold(minute, 1))).isInstanceOfSatisfying(InvalidRuleException.class,
                e -> assertThat(e.problems()).hasSize(4));
    }
}
