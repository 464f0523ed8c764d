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
 * what makes every replay idempotent.
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
        @JsonProperty("labels") Map<String, String> labels) {

    public LogEvent {
        Objects.requireNonNull(timestamp, "@timestamp");
        Objects.requireNonNull(eventId, "event.id");
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("service.name must not be blank");
        }
        message = message == null ? "" : message;
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    @JsonIgnore
    public boolean isError() {
        return LogLevels.ERROR.equals(level) || LogLevels.FATAL.equals(level);
    }
}
