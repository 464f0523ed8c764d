package io.sluice.indexer.bulk;

import io.sluice.topics.DeadLetterCode;
import io.sluice.index.IndexNames;
import io.sluice.indexer.retention.RetentionPolicy;
import io.sluice.model.LogEvent;
import io.sluice.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Turns an enriched record into a bulk document: index {@code logs-<service>-<UTC day>}, {@code _id}
 * = event id. The source is the event as Sluice models it, serialized again — never the record's
 * bytes — so a document always fits the index template: fields outside the model are dropped, labels
 * of any shape go into the {@code flattened} labels field, and no mapping conflict can reach
 * Elasticsearch. Time policy: an event older than its service's retention is rejected (it would land
 * in an index the retention deletes); one dated more than a day after it was received goes to the index
 * of the day it was received, keeping its {@code @timestamp} — never a far-future index, and the same
 * index on every replay.
 */
public final class DocumentMapper {

    private static final Duration MAX_AHEAD = Duration.ofDays(1);

    private final RetentionPolicy retention;
    private final Clock clock;

    public DocumentMapper(RetentionPolicy retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    /** A {@link BulkDocument}, or a {@link Rejection} when the value is not an event or too old to keep. */
    public MappedRecord map(ConsumerRecord<String, byte[]> record) {
        Coordinates origin = new Coordinates(record.topic(), record.partition(), record.offset());
        LogEvent event;
        try {
            event = Topics.ENRICHED.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            return new Rejection(origin, record.key(), record.value(), DeadLetterCode.INVALID_EVENT, "not a valid event: " + rootMessage(e));
        }
        if (event == null) {
            return new Rejection(origin, record.key(), new byte[0], DeadLetterCode.EMPTY, "empty record");
        }
        Instant now = clock.instant();
        if (event.timestamp().atOffset(ZoneOffset.UTC).toLocalDate().isBefore(retention.oldestKeptDay(event.service(), now))) {
            return new Rejection(origin, record.key(), record.value(), DeadLetterCode.PAST_RETENTION, "older than the retention of "
                    + retention.retentionOf(event.service()).toDays() + " days for " + event.service() + ": " + event.timestamp());
        }
        Instant received = receivedAt(event, record, now);
        Instant indexDay = event.timestamp().isAfter(received.plus(MAX_AHEAD)) ? received : event.timestamp();
        return new BulkDocument(origin, record.key(), IndexNames.daily(event.service(), indexDay), event.eventId(),
                Topics.ENRICHED.valueSerde().serializer().serialize(record.topic(), event));
    }

    /**
     * When Sluice received the event — its {@code event.ingested}, else the record's timestamp — which, unlike
     * the wall clock, is the same on every replay: a far-future event lands in the same index each time.
     */
    private static Instant receivedAt(LogEvent event, ConsumerRecord<String, byte[]> record, Instant now) {
        if (event.ingested() != null) {
            return event.ingested();
        }
        return record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : now;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
