package io.sluice.alerting.slack;

import java.net.URI;

/** Posts one message to one incoming webhook, or throws a {@link NotificationException} saying whether to retry. */
@FunctionalInterface
public interface WebhookSender {

    void send(URI webhook, WebhookPayload payload);
}
