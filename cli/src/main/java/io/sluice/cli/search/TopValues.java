package io.sluice.cli.search;

import io.sluice.cli.TerminalText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code --count-by FIELD [--top N]}: the field's most frequent values among the matching logs, with counts. */
public record TopValues(String field, int top) implements Answer {

    public TopValues {
        if (top < 1 || top > 1000) {
            throw new IllegalArgumentException("--top must be between 1 and 1000");
        }
    }

    @Override
    public Map<String, Object> aggregations() {
        return Map.of("values", Map.of("terms", Map.of("field", field, "size", top)),
                "without", Map.of("missing", Map.of("field", field)));
    }

    @Override
    public List<String> lines(JsonNode response) {
        JsonNode aggregations = response.path("aggregations");
        List<String> lines = new ArrayList<>();
        JsonNode buckets = aggregations.path("values").path("buckets");
        long max = 0;
        int width = ("(no " + field + ")").length();
        for (JsonNode bucket : buckets) {
            max = Math.max(max, bucket.path("doc_count").asLong());
            width = Math.max(width, Math.min(60, key(bucket).length()));
        }
        lines.add(Bars.padRight(field, width) + "  " + Bars.padLeft("events", 10));
        for (JsonNode bucket : buckets) {
            long count = bucket.path("doc_count").asLong();
            lines.add(Bars.padRight(TerminalText.escape(key(bucket)), width) + "  " + Bars.padLeft(Long.toString(count), 10) + "  "
                    + Bars.of(count, max));
        }
        long other = aggregations.path("values").path("sum_other_doc_count").asLong();
        if (other > 0) {
            lines.add(Bars.padRight("(other values)", width) + "  " + Bars.padLeft(Long.toString(other), 10));
        }
        long without = aggregations.path("without").path("doc_count").asLong();
        if (without > 0) {
            lines.add(Bars.padRight("(no " + field + ")", width) + "  " + Bars.padLeft(Long.toString(without), 10));
        }
        lines.add(Answer.matched(response) + " matching logs");
        return lines;
    }

    @Override
    public Map<String, Object> json(JsonNode response) {
        JsonNode aggregations = response.path("aggregations");
        List<Map<String, Object>> values = new ArrayList<>();
        aggregations.path("values").path("buckets").forEach(bucket -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("value", key(bucket));
            value.put("count", bucket.path("doc_count").asLong());
            values.add(value);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", field);
        json.put("matched", Answer.matched(response));
        json.put("values", values);
        json.put("other", aggregations.path("values").path("sum_other_doc_count").asLong());
        json.put("missing", aggregations.path("without").path("doc_count").asLong());
        return json;
    }

    private static String key(JsonNode bucket) {
        return bucket.has("key_as_string") ? bucket.path("key_as_string").asString() : bucket.path("key").asString();
    }
}
