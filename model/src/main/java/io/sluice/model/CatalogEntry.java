package io.sluice.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What the service catalog knows about a service: who owns it and where to tell them. Published to the
 * compacted catalog topic keyed by service name (a null value removes the service); the processor puts
 * it on every event of that service as {@code labels.team}, {@code labels.owner},
 * {@code labels.slack_channel} and {@code labels.tier}.
 *
 * <p>{@code trace_id_fields} names the fields the service logs its correlation id under ({@code
 * correlationId}, {@code X-Request-ID}, {@code requestId}…): the first one an event carries becomes its
 * {@code trace.id} when it has none, so {@code ./sluice trace} follows a request through services that never
 * heard of W3C trace context. {@code fields} declares the service's own typed fields ({@code latency_ms:
 * long}, {@code client: ip}…, see {@link ServiceField}); {@code required} the fields every event must carry,
 * and {@code enforce} what a violation costs: {@code flag} (the default: indexed, flagged) or {@code
 * dead-letter} (see {@link ServiceSchema}). The catalog changes without a restart.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CatalogEntry(
        @JsonProperty("team") String team,
        @JsonProperty("owner") String owner,
        @JsonProperty("slack_channel") String slackChannel,
        @JsonProperty("tier") String tier,
        @JsonProperty("trace_id_fields") List<String> traceIdFields,
        @JsonProperty("fields") Map<String, String> fields,
        @JsonProperty("required") List<String> required,
        @JsonProperty("enforce") String enforce) {

    public CatalogEntry {
        traceIdFields = traceIdFields == null ? List.of() : List.copyOf(traceIdFields);
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        required = required == null ? List.of() : List.copyOf(required);
    }

    /** An entry that only says who owns the service. */
    public CatalogEntry(String team, String owner, String slackChannel, String tier) {
        this(team, owner, slackChannel, tier, null);
    }

    /** An entry that says who owns the service and where its correlation ids are. */
    public CatalogEntry(String team, String owner, String slackChannel, String tier, List<String> traceIdFields) {
        this(team, owner, slackChannel, tier, traceIdFields, null, null, null);
    }
}
