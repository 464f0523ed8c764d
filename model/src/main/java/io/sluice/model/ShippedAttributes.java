package io.sluice.model;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a shipping protocol says about a line beside the line itself — Loki's timestamp and stream
 * labels, OTLP's severity and trace context, syslog's header. Travels in Kafka headers; the values
 * the processor parses from the line itself take precedence, these fill the gaps.
 */
public record ShippedAttributes(Instant timestamp, String level, String traceId, String spanId,
        Map<String, String> labels) {

    public static final ShippedAttributes NONE = new ShippedAttributes(null, null, null, null, Map.of());

    public ShippedAttributes {
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
