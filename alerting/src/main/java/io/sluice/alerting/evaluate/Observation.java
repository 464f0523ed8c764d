package io.sluice.alerting.evaluate;

import java.time.Instant;

/**
 * What one event means to one rule: its group, its event time, whether it matched (ratio rules also
 * see the events that did not), and what an alert may show of it.
 */
public record Observation(String ruleId, String group, Instant time, boolean matched, String service, String team,
        String message, String fingerprint) {

    /** The state key: a rule and a group, the dedupe key of their alerts. */
    public String key() {
        return ruleId + "/" + group;
    }
}
