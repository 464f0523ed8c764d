package io.sluice.topics;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The Kafka header names of Sluice's record contract, and UTF-8 access to them. */
public final class SluiceHeaders {

    /** The service that produced a raw line, when the line itself does not say. */
    public static final String SERVICE = "sluice.service";
    /** The host that produced a raw line. */
    public static final String HOST = "sluice.host";
    /** The event id assigned at ingest; absent for records published by third-party producers. */
    public static final String EVENT_ID = "sluice.event.id";

    /** Dead-letter headers: what failed, why, and where the record came from. */
    public static final String DLQ_STAGE = "sluice.dlq.stage";
    public static final String DLQ_REASON = "sluice.dlq.reason";
    public static final String DLQ_TOPIC = "sluice.dlq.topic";
    public static final String DLQ_PARTITION = "sluice.dlq.partition";
    public static final String DLQ_OFFSET = "sluice.dlq.offset";

    private SluiceHeaders() {
    }

    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Marks a record for the dead-letter topic: which stage refused it, why, and where it came from. */
    public static void putDeadLetter(Headers headers, String stage, String reason, String topic, int partition,
            long offset) {
        put(headers, DLQ_STAGE, stage);
        put(headers, DLQ_REASON, reason);
        put(headers, DLQ_TOPIC, topic);
        put(headers, DLQ_PARTITION, Integer.toString(partition));
        put(headers, DLQ_OFFSET, Long.toString(offset));
    }
}
