package io.sluice.alerting.evaluate;

import io.sluice.model.Alert;
import java.util.List;

/** The outcome of evaluating a rule for a group: the state to keep (null: forget it), alerts to publish, and whether the event came too late. */
public record Step(RuleState state, List<Alert> alerts, boolean late) {

    public Step {
        alerts = List.copyOf(alerts);
    }
}
