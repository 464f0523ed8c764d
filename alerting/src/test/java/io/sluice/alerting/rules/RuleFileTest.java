package io.sluice.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFileTest {

    @Test
    void shouldReadEveryRuleTypeWithItsDefaults() {
        List<Rule> rules = RuleFile.parse("""
                rules:
                  - id: checkout-errors
                    type: threshold
                    match: { service: checkout }
                    threshold: 10
                    window: 5m
                    runbook: https://runbooks.example.com/checkout
                  - id: error-ratio
                    type: ratio
                    ratio: 0.05
                  - id: new-errors
                    type: new-error
                    lookback: 14d
                  - id: silent
                    type: absence
                    for: 10m
                    match: { service: [checkout, payments] }
                  - id: oom
                    type: pattern
                    match: { contains: OutOfMemoryError }
                  - id: error-spike
                    type: spike
                    group-by: host.name
                """, "rules.yml");

        assertThat(rules).extracting(Rule::type).containsExactly(RuleType.THRESHOLD, RuleType.RATIO, RuleType.NEW_ERROR,
                RuleType.ABSENCE, RuleType.PATTERN, RuleType.SPIKE);
        Rule threshold = rules.get(0);
        assertThat(threshold.condition()).isEqualTo(new Condition.Threshold(
                new Condition.Windows(Duration.ofMinutes(5), Duration.ofSeconds(30)), 10));
        assertThat(threshold.match().levels()).containsExactlyInAnyOrder("ERROR", "FATAL");
        assertThat(threshold.match().services()).containsExactly("checkout");
        assertThat(rules.get(2).groupBy()).isEqualTo("error.fingerprint");
        assertThat(rules.get(1).condition()).isEqualTo(new Condition.Ratio(
                new Condition.Windows(Duration.ofMinutes(1), Duration.ofSeconds(30)), 0.05, 20));
        assertThat(rules.get(2).condition()).isEqualTo(new Condition.NewError(
                new Condition.Windows(Duration.ofMinutes(10), Duration.ofSeconds(30)), Duration.ofDays(14)));
        assertThat(rules.get(3).condition()).isEqualTo(new Condition.Absence(Duration.ofMinutes(10)));
        assertThat(rules.get(4).condition()).isEqualTo(new Condition.Pattern(
                new Condition.Windows(Duration.ofMinutes(1), Duration.ofSeconds(30)), 1));
        assertThat(rules.get(4).match().levels()).isEmpty();
        assertThat(rules.get(5).groupBy()).isEqualTo("host.name");
        assertThat(rules.get(5).condition()).isEqualTo(new Condition.Spike(
                new Condition.Windows(Duration.ofMinutes(1), Duration.ofSeconds(30)), 10, 6, 3));
    }

    @Test
    void shouldListEveryProblemWithTheRuleAndKeyItConcerns() {
        assertThatThrownBy(() -> RuleFile.parse("""
                rules:
                  - id: checkout-errors
                    type: threshold
                    windw: 5m
                  - id: checkout-errors
                    type: ratio
                    ratio: 5
                  - id: Bad_Id
                    type: sometimes
                  - id: oom
                    type: pattern
                    window: 5x
                    match: { regex: "(unclosed" }
                    group-by: customer.tier
                """, "rules.yml"))
                .isInstanceOf(RuleFileException.class)
                .satisfies(e -> assertThat(((RuleFileException) e).problems()).containsExactly(
                        "rule 'checkout-errors' (rules[0]): unknown key 'windw'",
                        "rule 'checkout-errors' (rules[0]): threshold is missing",
                        "rule 'checkout-errors' (rules[1]): ratio '5' must be a number above 0 and at most 1",
                        "rule 'checkout-errors' (rules[1]): id 'checkout-errors' is used by an earlier rule",
                        "rules[2]: id 'Bad_Id' must be lower-case letters, digits and -",
                        "rule 'Bad_Id' (rules[2]): type 'sometimes' is unknown; one of threshold, ratio, new-error, absence, pattern, spike",
                        "rule 'oom' (rules[3]): match.regex is not a regular expression: Unclosed group",
                        "rule 'oom' (rules[3]): window '5x' is not a duration like 30s, 5m, 1h or 7d",
                        "rule 'oom' (rules[3]): group-by 'customer.tier' is not a field; one of [error.fingerprint, error.type,"
                                + " host.name, log.level, service.name, trace.id], a typed ECS field (http.response.status_code,"
                                + " source.ip…) or labels.<key>"))
                .hasMessageStartingWith("rules.yml: 9 problems");
    }

    @Test
    void shouldRefuseWhatIsNotARulesFile() {
        assertThatThrownBy(() -> RuleFile.parse("rules: [", "rules.yml")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> RuleFile.parse("alerts: []", "rules.yml")).hasMessageContaining("expected a list under 'rules:'");
    }

    @Test
    void shouldReadDurations() {
        assertThat(RuleFile.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(RuleFile.duration("7d")).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> RuleFile.duration("1 hour")).hasMessage("'1 hour' is not a duration like 30s, 5m, 1h or 7d");
    }
}
