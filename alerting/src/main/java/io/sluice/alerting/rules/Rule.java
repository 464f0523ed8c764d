package io.sluice.alerting.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One alert rule: what every rule has — which events, grouped how, reminded how often, shown with which
 * runbook, sent to which route — and the {@link Condition} of its type, which holds only what that type uses.
 * Validated here; {@link RuleFile} reads rules files into it.
 *
 * @param id          unique, stable: part of every alert's dedupe key
 * @param match       which events count
 * @param groupBy     the field alerts are grouped by ({@code service.name} unless set; fingerprints for new-error)
 * @param cooldown    first pause before a still-firing alert is notified again; doubles each time
 * @param maxCooldown the longest pause between reminders
 * @param runbook     a link shown in the alert, or null
 * @param route       the Slack route for this rule's alerts, or null for the event's team's (else default)
 */
public record Rule(String id, String name, EventMatcher match, String groupBy, Duration cooldown, Duration maxCooldown,
        String runbook, String route, Condition condition) {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Rule {
        List<String> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("id " + (id == null ? "is missing" : "'" + id + "' must be lower-case letters, digits and -"));
        }
        problems.addAll(problems(groupBy, cooldown, maxCooldown, runbook));
        if (condition == null) {
            problems.add("a rule needs a condition");
        } else if (condition instanceof Condition.Pattern && match.contains() == null && match.regex() == null) {
            problems.add("a pattern rule needs match.contains or match.regex");
        }
        InvalidRuleException.throwIfAny(problems);
    }

    public RuleType type() {
        return condition.type();
    }

    /**
     * The one rule in force without a rules file: {@code threshold} ERROR/FATAL events of one service in a
     * tumbling event-time {@code window}, counting events up to {@code grace} late; reminded after 15 minutes,
     * doubling up to 4 hours.
     */
    public static Rule serviceErrors(double threshold, Duration window, Duration grace) {
        return new Rule("service-errors", "Errors", new EventMatcher(Set.of("ERROR", "FATAL"), Set.of(), null, null, Map.of()),
                "service.name", Duration.ofMinutes(15), Duration.ofHours(4), null, null,
                new Condition.Threshold(new Condition.Windows(window, grace), threshold));
    }

    /**
     * What is wrong with the parts every rule has besides its id (empty: nothing): a rules file reports them even
     * when the rule's id or condition is wrong too.
     */
    static List<String> problems(String groupBy, Duration cooldown, Duration maxCooldown, String runbook) {
        List<String> problems = new ArrayList<>();
        if (!EventFields.known(groupBy)) {
            problems.add("group-by '" + groupBy + "' is not a field; one of " + new TreeSet<>(EventFields.NAMES) + ", a typed ECS field (http.response.status_code, source.ip…) or labels.<key>");
        }
        if (maxCooldown.compareTo(cooldown) < 0) {
            problems.add("max-cooldown is shorter than cooldown");
        }
        if (runbook != null && !runbook.startsWith("https://") && !runbook.startsWith("http://")) {
            problems.add("runbook must be an http(s) link");
        }
        return problems;
    }
}
