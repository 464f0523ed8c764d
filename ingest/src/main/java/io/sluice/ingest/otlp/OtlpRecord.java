package io.sluice.ingest.otlp;

import java.time.Instant;
import java.util.Map;

/**
 * One OpenTelemetry log record, flattened with its resource: the body as a line, the resource's
 * service and host, severity, trace context, and every other attribute as a label.
 */
public record OtlpRecord(String service, String host, Instant timestamp, String level, String traceId, String spanId,
        String body, Map<String, String> labels) {

    public OtlpRecord {
        labels = Map.copyOf(labels);
    }

    /** OTLP severity numbers: 1–4 TRACE, 5–8 DEBUG, 9–12 INFO, 13–16 WARN, 17–20 ERROR, 21–24 FATAL. */
    static String level(String severityText, int severityNumber) {
        if (severityText != null && !severityText.isBlank()) {
            return severityText;
        }
        if (severityNumber <= 0) {
            return null;
        }
        String[] levels = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
        return levels[Math.min((severityNumber - 1) / 4, levels.length - 1)];
    }
}
