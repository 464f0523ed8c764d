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

/**
 * Reads {@code alerts.v1} in batches and has them delivered; the batch's offsets are committed only
 * when the listener returns, so an alert not yet delivered — Slack down, the service killed — is read
 * again: Kafka is the outbox. The service killed after Slack's 200 but before the commit posts those
 * alerts once more on restart: at most one duplicate; anything committed is never replayed.
 */
public class AlertDeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(AlertDeliveryListener.class);

    private final AlertDispatcher dispatcher;
    private final Consumer<Alert> decided;

    /** @param decided told of every alert decision read (not the delivery reports), before it is delivered */
    public AlertDeliveryListener(AlertDispatcher dispatcher, Consumer<Alert> decided) {
        this.dispatcher = dispatcher;
        this.decided = decided;
    }

    @KafkaListener(id = "sluice-alert-delivery", topics = "alerts.v1", batch = "true")
    public void deliver(List<ConsumerRecord<String, byte[]>> records) {
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
        dispatcher.deliver(alerts);
    }
}
