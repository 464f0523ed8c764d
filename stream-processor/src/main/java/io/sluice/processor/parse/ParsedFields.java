package io.sluice.processor.parse;

import java.time.Instant;
import java.util.Map;

/**
 * What a line parser found in a line; absent values are null and get their defaults in {@link RawLogParser}.
 *
 * @param representsLine whether these fields carry everything the line said (JSON and logfmt within the
 *     label limit, plain text); when not, the event keeps the line as {@code event.original}
 */
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
        Map<String, String> labels,
        boolean representsLine) {

    ParsedFields withMessage(String newMessage) {
        return new ParsedFields(timestamp, newMessage, level, service, host, traceId, spanId, eventId, stackTrace, labels,
                representsLine);
    }

    ParsedFields withLabels(Map<String, String> newLabels) {
        return new ParsedFields(timestamp, message, level, service, host, traceId, spanId, eventId, stackTrace, newLabels,
                representsLine);
    }
}
