package io.sluice.cli.search;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What {@code ./sluice search} can answer besides the matching logs, computed by Elasticsearch over them: the
 * aggregations to ask for, and the answer read back as terminal lines or as JSON ({@code --json}).
 */
public sealed interface Answer permits TopValues, Histogram, FieldStats {

    /** The {@code aggs} of the search request. */
    Map<String, Object> aggregations();

    /** The answer for a person: a table or a bar chart. */
    List<String> lines(JsonNode response);

    /** The answer for a script. */
    Map<String, Object> json(JsonNode response);

    /** How many logs matched (the total the answer is computed over). */
    static long matched(JsonNode response) {
        return response.path("hits").path("total").path("value").asLong();
    }
}
