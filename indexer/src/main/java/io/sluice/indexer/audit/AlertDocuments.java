package io.sluice.indexer.audit;

import io.sluice.topics.DeadLetterCode;
import io.sluice.index.IndexNames;
import io.sluice.indexer.bulk.BulkDocument;
import io.sluice.indexer.bulk.Coordinates;
import io.sluice.indexer.bulk.MappedRecord;
import io.sluice.indexer.bulk.Rejection;
import io.sluice.model.Alert;
import io.sluice.topics.Topics;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Turns a record of {@code alerts.v1} into an audit document in {@code sluice-alerts-<yyyy.MM>}: the
 * decision under its alert id, its delivery report under the alert id + {@code /delivery} — so a
 * replayed record is a 409, never a second document.
 */
public final class AlertDocuments {

    private AlertDocuments() {
    }

    public static MappedRecord map(ConsumerRecord<String, byte[]> record) {
        Coordinates origin = new Coordinates(record.topic(), record.partition(), record.offset());
        Alert alert;
        try {
            alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException | IllegalArgumentException | NullPointerException e) {
            return new Rejection(origin, record.key(), record.value(), DeadLetterCode.INVALID_ALERT, "not a valid alert: " + e.getMessage());
        }
        if (alert == null) {
            return new Rejection(origin, record.key(), new byte[0], DeadLetterCode.EMPTY, "empty record");
        }
        Instant decided = alert.decidedAt() != null ? alert.decidedAt() : Instant.ofEpochMilli(record.timestamp());
        String id = alert.isDeliveryReport() ? alert.alertId() + "/delivery" : alert.alertId();
        return new BulkDocument(origin, record.key(), IndexNames.alerts(decided), id,
                Topics.ALERTS.valueSerde().serializer().serialize(record.topic(), alert));
    }
}
