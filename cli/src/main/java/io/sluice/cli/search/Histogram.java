package io.sluice.cli.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code --histogram INTERVAL}: matching logs per interval from {@code --since} to now, empty intervals included. */
public record Histogram(Duration interval, Instant from, Instant to) implements Answer {

    public static final int MAX_BUCKETS = 1_000;

    public Histogram {
        if (interval.toSeconds() < 1) {
            throw new IllegalArgumentException("--histogram needs an interval of at least 1s");
        }
        long buckets = Duration.between(from, to).dividedBy(interval);
        if (buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("--histogram " + interval.toSeconds() + "s over that time range is " + buckets
                    + " bars; at most " + MAX_BUCKETS + ": a longer interval or a shorter --since");
        }
    }

    @Override
    public Map<String, Object> aggregations() {
        return Map.of("over_time", Map.of("date_histogram", Map.of("field", "@timestamp",
                "fixed_interval", interval.toSeconds() + "s", "min_doc_count", 0,
                "extended_bounds", Map.of("min", from.toEpochMilli(), "max", to.toEpochMilli()))));
    }

    @Override
    public List<String> lines(JsonNode response) {
        JsonNode buckets = response.path("aggregations").path("over_time").path("buckets");
        long max = 0;
        for (JsonNode bucket : buckets) {
            max = Math.max(max, bucket.path("doc_count").asLong());
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode bucket : buckets) {
            long count = bucket.path("doc_count").asLong();
            lines.add(Bars.padRight(start(bucket).toString(), 24) + Bars.padLeft(Long.toString(count), 10) + "  " + Bars.of(count, max));
        }
        lines.add(Answer.matched(response) + " matching logs, " + interval.toSeconds() + "s per bar");
        return lines;
    }

    @Override
    public Map<String, Object> json(JsonNode response) {
        List<Map<String, Object>> buckets = new ArrayList<>();
        response.path("aggregations").path("over_time").path("buckets").forEach(bucket -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("from", start(bucket).toString());
            one.put("count", bucket.path("doc_count").asLong());
            buckets.add(one);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("interval_seconds", interval.toSeconds());
        json.put("matched", Answer.matched(response));
        json.put("buckets", buckets);
        return json;
    }

    private static Instant start(JsonNode bucket) {
        return Instant.ofEpochMilli(bucket.path("key").asLong());
    }
}
