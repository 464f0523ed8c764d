package io.sluice.alerting.delivery;

import io.sluice.model.Alert;
import io.sluice.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Reads {@code alerts.v1} in batches and hands them to the dispatcher without waiting for Slack; a
 * batch's offsets are committed once all its alerts have finished (delivered, refused or given up as
 * undelivered), in the order the batches were read. So an alert not yet finished — the service killed
 * mid-delivery — is read again: Kafka is the outbox. The service killed after Slack's 200 but before
 * the commit posts those alerts once more on restart: at most one duplicate; anything committed is
 * never replayed.
 */
public class AlertDeliveryListener {

    /**
     * The listener container's id. Not the consumer group: that is {@code spring.kafka.consumer.group-id}
     * ({@code sluice-alert-delivery} by default), so a deployment — or a test — can choose its own.
     */
    public static final String ID = "sluice-alert-delivery";
    private static final Logger log = LoggerFactory.getLogger(AlertDeliveryListener.class);

    private final AlertDispatcher dispatcher;
    private final Consumer<Alert> decided;
    private final InOrderAcknowledger acknowledger = new InOrderAcknowledger();

    /** @param decided told of every alert decision read (not the delivery reports), before it is delivered */
    public AlertDeliveryListener(AlertDispatcher dispatcher, Consumer<Alert> decided) {
        this.dispatcher = dispatcher;
        this.decided = decided;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "alerts.v1", batch = "true")
    public void deliver(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
        List<Alert> alerts = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                alerts.add(Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value()));
            } catch (SerializationException e) {
                // only Sluice writes alerts.v1; a record it cannot read is a bug to see, not a reason to stop delivering
                log.error("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }
        alerts.stream().filter(alert -> !alert.isDeliveryReport()).forEach(decided);
        acknowledger.acknowledgeWhen(dispatcher.deliver(alerts), acknowledgment::acknowledge);
    }

    /** Waits (at most {@code atMost}) until every batch handed over so far is delivered and acknowledged: for a clean stop. */
    public boolean awaitAcknowledged(java.time.Duration atMost) {
        try {
            acknowledger.drained().get(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
