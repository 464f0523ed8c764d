package io.sluice.processor.parse;

import io.sluice.model.ShippedAttributes;
import java.time.Instant;

/**
 * A record from {@code logs.raw.v1} with what its headers and coordinates say: the parser's input.
 *
 * @param receivedAt the record's Kafka timestamp: when ingest (or a direct producer) published it
 * @param attributes what the shipping protocol said beside the line (from headers)
 */
public record RawRecord(
        byte[] value,
        String key,
        String serviceHeader,
        String hostHeader,
        String eventIdHeader,
        ShippedAttributes attributes,
        Instant receivedAt,
        String topic,
        int partition,
        long offset) {

    public RawRecord {
        attributes = attributes == null ? ShippedAttributes.NONE : attributes;
    }

    /** Where the record came from, as {@code topic-partition@offset}. */
    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }

    /**
     * The seed of the event id of a record that brought none: its coordinates and its timestamp. A
     * replay of the record yields the same id; a different record at the same coordinates — after the
     * topic was recreated, with Elasticsearch kept — does not, so it is not taken for a duplicate.
     */
    public String identity() {
        return coordinates() + "/" + receivedAt.toEpochMilli();
    }
}
