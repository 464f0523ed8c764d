package io.sluice.alerting.delivery;

import io.sluice.model.Alert;

/** Where delivery outcomes go: {@code alerts.v1} (for audit) and the delivery metrics. */
@FunctionalInterface
public interface OutcomeSink {

    /** @param report the alert with its {@link Alert#delivery()} set */
    void report(Alert report);
}
