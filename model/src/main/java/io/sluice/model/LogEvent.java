package io.sluice.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One log event as every stage after parsing sees it, serialized with Elastic Common Schema field
 * names so Elasticsearch and Kibana understand it without mapping work.
 *
 * <p>{@code eventId} is assigned once, at ingest, and becomes the Elasticsearch {@code _id}: it is
 * what makes every replay idempotent. The {@code error.*} fields are set when the event carries an
 * exception: its type, message, stack trace, and a fingerprint (type + top frames, line numbers
 * left out) that stays the same for every occurrence of the same error.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LogEvent(
        @JsonProperty("@timestamp") Instant timestamp,
        @JsonProperty("message") String message,
        @JsonProperty("log.level") String level,
        @JsonProperty("service.name") String service,
        @JsonProperty("host.name") String host,
        @JsonProperty("trace.id") String traceId,
        @JsonProperty("span.id") String spanId,
        @JsonProperty("event.id") String eventId,
        @JsonProperty("event.ingested") Instant ingested,
        @JsonProperty("event.original") String original,
        @JsonProperty("labels") Map<String, String> labels,
        @JsonProperty("error.type") String errorType,
        @JsonProperty("error.message") String errorMessage,
        @JsonProperty("error.stack_trace") String errorStackTrace,
        @JsonProperty("error.fingerprint") String errorFingerprint) {

    public LogEvent {
        Objects.requireNonNull(timestamp, "@timestamp");
        Objects.requireNonNull(eventId, "event.id");
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("service.name must not be blank");
        }
        message = message == null ? "" : message;
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** An event without error details. */
    public LogEvent(Instant timestamp, String message, String level, String service, String host, String traceId,
            String spanId, String eventId, Instant ingested, String original, Map<String, String> labels) {
        this(timestamp, message, level, service, host, traceId, spanId, eventId, ingested, original, labels,
                null, null, null, null);
    }

    /** The same event with the given labels. */
    public LogEvent withLabels(Map<String, String> newLabels) {
        return new LogEvent(timestamp, message, level, service, host, traceId, spanId, eventId, ingested, original,
                newLabels, errorType, errorMessage, errorStackTrace, errorFingerprint);
    }

    @JsonIgnore
    public boolean isError() {
        return LogLevels.ERROR.equals(level) || LogLevels.FATAL.equals(level);
    }
}
