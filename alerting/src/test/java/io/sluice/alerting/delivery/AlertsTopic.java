package io.sluice.alerting.delivery;

import io.sluice.model.Alert;
import io.sluice.runtime.kafka.TopicOffsets;
import io.sluice.topics.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What the delivery tests do on {@code alerts.v1}: decide alerts as the evaluation would, and start a group at the end. */
final class AlertsTopic {

    private AlertsTopic() {
    }

    /** A firing threshold alert for {@code group}, sent to {@code route} (null: the default webhook). */
    static Alert firing(String ruleId, String group, String route, Instant now) {
        return new Alert(ruleId + "/" + group + "@1#1", ruleId + "/" + group, Alert.State.FIRING, ruleId, "threshold", "Test alert",
                "service.name", group, group, null, 10, 10, now, now.plusSeconds(60), List.of("boom"), null,
                "service.name:\"" + group + "\"", null, route, 1, now, now, null);
    }

    static void produce(String bootstrap, List<Alert> alerts) {
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            alerts.forEach(alert -> producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.dedupeKey(), alert)));
            producer.flush();
        }
    }

    /** Commits the group at the topic's end, so a test's delivery sees only what the test sends. */
    static void startGroupAtEnd(String bootstrap, String group) throws Exception {
        TopicOffsets.commitAtEnd(bootstrap, group, Topics.ALERTS.name());
    }
}
