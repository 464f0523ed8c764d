package io.sluice.topics;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The Kafka header names of Sluice's record contract, and UTF-8 access to them. */
public final class RecordHeaders {

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

    private RecordHeaders() {
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
}
