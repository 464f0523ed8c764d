package io.sluice.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 *
 * <p>{@code fields} are the {@link TypedFields typed ECS fields} beyond the core ones ({@code
 * http.response.status_code}, {@code source.ip}, {@code process.pid}…), written as top-level dotted keys
 * like the others. A value that does not fit its field's type is not lost and blocks nothing: it stays
 * a label (dots as underscores) and {@code labels.sluice_untyped_fields} names the field. Keys that are
 * not Sluice fields are dropped, as every property outside the model is.
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
        @JsonProperty("error.fingerprint") String errorFingerprint,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> fields) {

    public LogEvent {
        Objects.requireNonNull(timestamp, "@timestamp");
        Objects.requireNonNull(eventId, "event.id");
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("service.name must not be blank");
        }
        message = message == null ? "" : message;
        Map<String, String> allLabels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
        Map<String, Object> typed = new TreeMap<>();
        List<String> untyped = new ArrayList<>();
        if (fields != null) {
            fields.forEach((name, value) -> {
                TypedField field = value == null ? null : TypedFields.named(name).orElse(null);
                if (field == null) {
                    return;
                }
                Object fitting = field.type().coerce(value);
                if (fitting != null) {
                    typed.put(name, fitting);
                } else {
                    allLabels.put(field.labelName(), value.toString());
                    untyped.add(name);
                }
            });
        }
        if (!untyped.isEmpty()) {
            allLabels.put(EventLabels.UNTYPED_FIELDS, String.join(",", untyped.stream().sorted().toList()));
        }
        labels = Collections.unmodifiableMap(allLabels);
        fields = Collections.unmodifiableMap(typed);
    }

    /** An event without typed fields. */
    public LogEvent(Instant timestamp, String message, String level, String service, String host, String traceId,
            String spanId, String eventId, Instant ingested, String original, Map<String, String> labels, String errorType,
            String errorMessage, String errorStackTrace, String errorFingerprint) {
        this(timestamp, message, level, service, host, traceId, spanId, eventId, ingested, original, labels, errorType,
                errorMessage, errorStackTrace, errorFingerprint, null);
    }

    /** An event without error details. */
    public LogEvent(Instant timestamp, String message, String level, String service, String host, String traceId,
            String spanId, String eventId, Instant ingested, String original, Map<String, String> labels) {
        this(timestamp, message, level, service, host, traceId, spanId, eventId, ingested, original, labels,
                null, null, null, null, null);
    }

    /** The same event with the given labels. */
    public LogEvent withLabels(Map<String, String> newLabels) {
        return new LogEvent(timestamp, message, level, service, host, traceId, spanId, eventId, ingested, original,
                newLabels, errorType, errorMessage, errorStackTrace, errorFingerprint, fields);
    }

    /** The same event with the given labels and typed fields. */
    public LogEvent withFields(Map<String, String> newLabels, Map<String, Object> newFields) {
        return new LogEvent(timestamp, message, level, service, host, traceId, spanId, eventId, ingested, original,
                newLabels, errorType, errorMessage, errorStackTrace, errorFingerprint, newFields);
    }

    /** The same event with the given trace id and labels. */
    public LogEvent withTraceId(String newTraceId, Map<String, String> newLabels) {
        return new LogEvent(timestamp, message, level, service, host, newTraceId, spanId, eventId, ingested, original,
                newLabels, errorType, errorMessage, errorStackTrace, errorFingerprint, fields);
    }

    @JsonIgnore
    public boolean isError() {
        return LogLevels.ERROR.equals(level) || LogLevels.FATAL.equals(level);
    }
}
