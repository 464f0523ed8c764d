package io.sluice.cli.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code --stats FIELD}: count, min, mean, p50, p95, p99 and max of a numeric field over the matching logs
 * (percentiles are Elasticsearch's TDigest estimates, exact for small counts). {@code event.duration}, in
 * nanoseconds as ECS says, is also shown as a duration.
 */
public record FieldStats(String field) implements Answer {

    private static final String[] PERCENTILES = {"50.0", "95.0", "99.0"};

    @Override
    public Map<String, Object> aggregations() {
        return Map.of("stats", Map.of("stats", Map.of("field", field)),
                "percentiles", Map.of("percentiles", Map.of("field", field, "percents", List.of(50, 95, 99))));
    }

    @Override
    public List<String> lines(JsonNode response) {
        Map<String, Object> values = json(response);
        List<String> lines = new ArrayList<>();
        if (((Number) values.get("count")).longValue() == 0) {
            lines.add("no value of " + field + " in " + Answer.matched(response) + " matching logs");
            return lines;
        }
        lines.add(field + " over " + Answer.matched(response) + " matching logs");
        values.forEach((name, value) -> {
            if (!name.equals("field") && !name.equals("matched")) {
                lines.add("  " + Bars.padRight(name, 6) + Bars.padLeft(text(value), 16) + human(name, value));
            }
        });
        return lines;
    }

    @Override
    public Map<String, Object> json(JsonNode response) {
        JsonNode stats = response.path("aggregations").path("stats");
        JsonNode percentiles = response.path("aggregations").path("percentiles").path("values");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", field);
        json.put("matched", Answer.matched(response));
        json.put("count", stats.path("count").asLong());
        json.put("min", number(stats.path("min")));
        json.put("mean", number(stats.path("avg")));
        json.put("p50", number(percentiles.path(PERCENTILES[0])));
        json.put("p95", number(percentiles.path(PERCENTILES[1])));
        json.put("p99", number(percentiles.path(PERCENTILES[2])));
        json.put("max", number(stats.path("max")));
        return json;
    }

    /** Whole numbers stay whole; others keep three decimals; no value is null. */
    private static Object number(JsonNode node) {
        if (!node.isNumber()) {
            return null;
        }
        double value = node.asDouble();
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value;
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    private String human(String name, Object value) {
        if (!field.equals("event.duration") || name.equals("count") || !(value instanceof Number number)) {
            return "";
        }
        Duration duration = Duration.ofNanos(number.longValue());
        if (duration.toMillis() >= 1000) {
            return "  (" + BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s)";
        }
        return "  (" + BigDecimal.valueOf(duration.toNanos() / 1000, 3).stripTrailingZeros().toPlainString() + " ms)";
    }
}
