package io.sluice.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the service catalog knows about a service: who owns it and where to tell them. Published to the
 * compacted catalog topic keyed by service name (a null value removes the service); the processor puts
 * it on every event of that service as {@code labels.team}, {@code labels.owner},
 * {@code labels.slack_channel} and {@code labels.tier}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogEntry(
        @JsonProperty("team") String team,
        @JsonProperty("owner") String owner,
        @JsonProperty("slack_channel") String slackChannel,
        @JsonProperty("tier") String tier) {
}
