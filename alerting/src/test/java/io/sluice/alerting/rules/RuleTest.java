package io.sluice.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void shouldCountErrorAndFatalEventsPerServiceWhenNoRulesFileIsGiven() {
        Rule rule = Rule.serviceErrors(10, Duration.ofMinutes(1), Duration.ofSeconds(30));

        assertThat(rule.type()).isEqualTo(RuleType.THRESHOLD);
        assertThat(rule.groupBy()).isEqualTo("service.name");
        assertThat(rule.threshold()).isEqualTo(10);
        assertThat(rule.window()).isEqualTo(Duration.ofMinutes(1));
        assertThat(rule.grace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(rule.match().levels()).containsExactlyInAnyOrder("ERROR", "FATAL");
        assertThat(rule.cooldown()).isEqualTo(Duration.ofMinutes(15));
        assertThat(rule.maxCooldown()).isEqualTo(Duration.ofHours(4));
    }
}
