package io.sluice.alerting.delivery;

import io.sluice.model.Alert;

/** Where delivery outcomes go: {@code alerts.v1} (for audit) and the delivery metrics, retries included. */
@FunctionalInterface
public interface OutcomeSink {

    /** @param report the alert with its {@link Alert#delivery()} set */
    void report(Alert report);

    /** A post that failed for now and will be tried again; {@code cause} is short and bounded, e.g. {@code slack_rate_limited}. */
    default void retrying(String cause) {
    }
}
