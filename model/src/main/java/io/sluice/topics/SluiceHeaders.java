package io.sluice.topics;

import io.sluice.json.Json;
import io.sluice.model.ShippedAttributes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/** The Kafka header names of Sluice's record contract, and UTF-8 access to them. */
public final class SluiceHeaders {

    /** The service that produced a raw line, when the line itself does not say. */
    public static final String SERVICE = "sluice.service";
    /** The host that produced a raw line. */
    public static final String HOST = "sluice.host";
    /** The event id assigned at ingest; absent for records published by third-party producers. */
    public static final String EVENT_ID = "sluice.event.id";

    /*
     * What a shipping protocol said about a line (Loki's timestamp and stream labels, OTLP's severity
     * and trace context, ...). Values parsed from the line itself win; these fill the gaps.
     */
    /** ISO-8601 instant. */
    public static final String TIMESTAMP = "sluice.timestamp";
    public static final String LEVEL = "sluice.level";
    public static final String TRACE_ID = "sluice.trace.id";
    public static final String SPAN_ID = "sluice.span.id";
    /** A JSON object of string values, merged into {@code labels.*}. */
    public static final String LABELS = "sluice.labels";

    /** Dead-letter headers: what failed, why, and where the record came from. */
    public static final String DLQ_STAGE = "sluice.dlq.stage";
    public static final String DLQ_REASON = "sluice.dlq.reason";
    /** The {@link DeadLetterCode}'s label: what metrics and status group by. */
    public static final String DLQ_CODE = "sluice.dlq.code";
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

    /** Marks a record for the dead-letter topic: which stage refused it, why (code and sentence), and where it came from. */
    public static void putDeadLetter(Headers headers, String stage, DeadLetterCode code, String reason, String topic, int partition,
            long offset) {
        put(headers, DLQ_STAGE, stage);
        put(headers, DLQ_CODE, code.label());
        put(headers, DLQ_REASON, reason);
        put(headers, DLQ_TOPIC, topic);
        put(headers, DLQ_PARTITION, Integer.toString(partition));
        put(headers, DLQ_OFFSET, Long.toString(offset));
    }

    /** Writes what a shipping protocol said about a line; absent values write no header. */
    public static void putAttributes(Headers headers, ShippedAttributes attributes) {
        put(headers, TIMESTAMP, attributes.timestamp() == null ? null : attributes.timestamp().toString());
        put(headers, LEVEL, attributes.level());
        put(headers, TRACE_ID, attributes.traceId());
        put(headers, SPAN_ID, attributes.spanId());
        put(headers, LABELS, attributes.labels().isEmpty() ? null : Json.MAPPER.writeValueAsString(attributes.labels()));
    }

    /** Reads what {@link #putAttributes} wrote; unreadable values are left out rather than fail the record. */
    public static ShippedAttributes attributes(Headers headers) {
        String timestamp = text(headers, TIMESTAMP);
        Instant instant = null;
        if (timestamp != null) {
            try {
                instant = Instant.parse(timestamp);
            } catch (DateTimeParseException e) {
                instant = null;
            }
        }
        Map<String, String> labels = Map.of();
        String labelsJson = text(headers, LABELS);
        if (labelsJson != null) {
            try {
                labels = Json.MAPPER.readValue(labelsJson, new TypeReference<Map<String, String>>() { });
            } catch (JacksonException e) {
                labels = Map.of("sluice_unreadable_labels_header", labelsJson);
            }
        }
        return new ShippedAttributes(instant, text(headers, LEVEL), text(headers, TRACE_ID), text(headers, SPAN_ID), labels);
    }
}
