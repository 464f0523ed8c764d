package io.sluice.alerting.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.alerting.AlertingProperties;
import io.sluice.alerting.slack.AlertMessages;
import io.sluice.alerting.slack.NotificationException;
import io.sluice.alerting.slack.SlackWebhookNotifier;
import io.sluice.model.Alert;
import io.sluice.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Delivers each alert of {@code alerts.v1} to Slack, committing its offset only after Slack accepted
 * it (or refused it for good). Transient failures are thrown back to the container, which retries
 * the same alert with backoff: an alert is never skipped because Slack was down.
 */
@Component
public class AlertDeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(AlertDeliveryListener.class);

    private final AlertingProperties properties;
    private final SlackWebhookNotifier notifier;
    private final MeterRegistry meters;

    public AlertDeliveryListener(AlertingProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.notifier = properties.slackConfigured() ? new SlackWebhookNotifier(properties.slackWebhookUrl()) : null;
        this.meters = meters;
        if (notifier == null) {
            log.warn("SLACK_WEBHOOK_URL is not set: alerts are written to {} and logged, not posted", Topics.ALERTS);
        }
    }

    @KafkaListener(id = "sluice-alert-delivery", topics = "alerts.v1")
    public void deliver(ConsumerRecord<String, byte[]> record) {
        Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (notifier == null) {
            log.warn("alert {} not posted (no webhook): {} errors from {}", alert.dedupeKey(), alert.count(), alert.service());
            meters.counter("sluice_alerts_delivered", "outcome", "not_configured").increment();
            return;
        }
        try {
            notifier.send(AlertMessages.of(alert, properties.kibanaUrl()));
            log.info("alert {} delivered to Slack ({} errors from {})", alert.dedupeKey(), alert.count(), alert.service());
            meters.counter("sluice_alerts_delivered", "outcome", "delivered").increment();
        } catch (NotificationException.Permanent e) {
            log.error("alert {} refused by Slack, not retried: {}", alert.dedupeKey(), e.getMessage());
            meters.counter("sluice_alerts_delivered", "outcome", "refused").increment();
        } catch (NotificationException.Transient e) {
            log.warn("alert {} not delivered yet, will retry: {}", alert.dedupeKey(), e.getMessage());
            meters.counter("sluice_alerts_delivered", "outcome", "retried").increment();
            throw e;
        }
    }
}
