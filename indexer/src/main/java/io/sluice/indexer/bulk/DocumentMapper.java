package io.sluice.indexer.bulk;

import io.sluice.index.IndexNames;
import io.sluice.model.LogEvent;
import io.sluice.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Turns an enriched record into a bulk document: index {@code logs-<service>-<UTC day>}, {@code _id}
 * = event id, the record's JSON as source. A record that is not a valid event is a rejection.
 */
public final class DocumentMapper {

    private DocumentMapper() {
    }

    /** A {@link BulkDocument}, or a {@link Rejection} when the value is not an event. */
    public static MappedRecord map(ConsumerRecord<String, byte[]> record) {
        Coordinates origin = new Coordinates(record.topic(), record.partition(), record.offset());
        LogEvent event;
        try {
            event = Topics.ENRICHED.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            return new Rejection(origin, record.key(), record.value(), "not a valid event: " + rootMessage(e));
        }
        if (event == null) {
            return new Rejection(origin, record.key(), new byte[0], "empty record");
        }
        return new BulkDocument(origin, record.key(), IndexNames.daily(event.service(), event.timestamp()),
                event.eventId(), record.value());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
