package io.sluice.processor.parse;

import java.time.Instant;
import java.util.Map;

/** What a line parser found in a line; absent values are null and get their defaults in {@link RawLogParser}. */
record ParsedFields(
        Instant timestamp,
        String message,
        String level,
        String service,
        String host,
        String traceId,
        String spanId,
        String eventId,
        String stackTrace,
        Map<String, String> labels) {

    ParsedFields withMessage(String newMessage) {
        return new ParsedFields(timestamp, newMessage, level, service, host, traceId, spanId, eventId, stackTrace, labels);
    }

    ParsedFields withLabels(Map<String, String> newLabels) {
        return new ParsedFields(timestamp, message, level, service, host, traceId, spanId, eventId, stackTrace, newLabels);
    }
}
