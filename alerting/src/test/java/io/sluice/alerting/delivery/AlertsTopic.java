package io.sluice.alerting.delivery;

import io.sluice.kafka.KafkaAccess;
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
public final class AlertsTopic {

    private AlertsTopic() {
    }

    /** A firing threshold alert for {@code group}, sent to {@code route} (null: the default webhook). */
    static Alert firing(String ruleId, String group, String route, Instant now) {
        return new Alert(ruleId + "/" + group + "@1#1", ruleId + "/" + group, Alert.State.FIRING, ruleId, "threshold", "Test alert",
                "service.name", group, group, null, 10, 10, now, now.plusSeconds(60), List.of("boom"), null,
                "service.name:\"" + group + "\"", null, route, 1, now, now, null);
    }

    static void produce(KafkaAccess kafka, List<Alert> alerts) {
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(kafka.with(Map.of(ProducerConfig.ACKS_CONFIG, "all")), Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            alerts.forEach(alert -> producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.dedupeKey(), alert)));
            producer.flush();
        }
    }

    /**
     * A test's evaluation application id: under the alerting user's prefix ({@code sluice-alerting}), as its ACLs
     * require of every group, internal topic and transactional id it uses.
     */
    public static String evaluationId(String run) {
        return "sluice-alerting-" + run;
    }

    /** A test's delivery group, under the prefix the alerting user may read as. */
    public static String deliveryGroup(String run) {
        return "sluice-alert-delivery-" + run;
    }

    /** Commits the group at the topic's end, so a test's delivery sees only what the test sends. */
    public static void startGroupAtEnd(KafkaAccess kafka, String group) throws Exception {
        TopicOffsets.commitAtEnd(kafka, group, Topics.ALERTS.name());
    }

    /**
     * Starts a test's evaluation (the Kafka Streams application {@code sluice-alerting-<run>}) at the end of
     * {@code logs.enriched.v1}: it evaluates only what the test sends, not the whole build's history (over
     * 100,000 events by the time the alerting tests run, minutes of work on two busy cores).
     */
    public static void startEvaluationAtEnd(KafkaAccess kafka, String run) throws Exception {
        TopicOffsets.commitAtEnd(kafka, evaluationId(run), Topics.ENRICHED.name());
    }
}
