package io.sluice.processor.parse;

import io.sluice.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Parses a JSON log line: ECS names first, then the usual aliases ({@code msg}, {@code level},
 * {@code time}, {@code trace_id} ...). Every other scalar becomes a {@code labels.*} entry, its dots
 * turned into underscores so one label can never collide with another as object and value.
 */
final class JsonLineParser {

    static final int MAX_LABELS = 100;
    private static final List<String> TIMESTAMP = List.of("@timestamp", "timestamp", "time", "ts", "date");
    private static final List<String> MESSAGE = List.of("message", "msg", "log", "text");
    private static final List<String> LEVEL = List.of("log.level", "level", "severity", "lvl", "loglevel");
    private static final List<String> SERVICE = List.of("service.name", "service", "app", "application");
    private static final List<String> HOST = List.of("host.name", "host", "hostname");
    private static final List<String> TRACE = List.of("trace.id", "trace_id", "traceId", "traceid");
    private static final List<String> SPAN = List.of("span.id", "span_id", "spanId", "spanid");
    private static final List<String> EVENT_ID = List.of("event.id");

    private final int maxDepth;

    JsonLineParser(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    ParsedFields parse(String line) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw new UnparseableLogException("malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UnparseableLogException("a line starting with '{' must be a JSON object");
        }
        Map<String, JsonNode> fields = FlatJson.flatten(root, maxDepth);
        String timestampText = take(fields, TIMESTAMP);
        java.time.Instant timestamp = timestampText == null ? null : Timestamps.parseText(timestampText).orElse(null);
        return new ParsedFields(
                timestamp,
                take(fields, MESSAGE),
                Levels.normalize(take(fields, LEVEL)),
                take(fields, SERVICE),
                take(fields, HOST),
                take(fields, TRACE),
                take(fields, SPAN),
                take(fields, EVENT_ID),
                labels(fields, timestampText != null && timestamp == null ? timestampText : null));
    }

    /** Removes and returns the first present scalar among the names, as text. */
    private static String take(Map<String, JsonNode> fields, List<String> names) {
        for (String name : names) {
            JsonNode value = fields.get(name);
            if (value != null && value.isValueNode() && !value.isNull()) {
                fields.remove(name);
                return value.asString();
            }
        }
        return null;
    }

    /** The remaining fields as labels; an unreadable timestamp is kept as a label, the event takes ingest time. */
    private static Map<String, String> labels(Map<String, JsonNode> rest, String unparsedTimestamp) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (unparsedTimestamp != null) {
            labels.put("sluice_unparsed_timestamp", unparsedTimestamp);
        }
        List<String> keys = new ArrayList<>(rest.keySet());
        for (String key : keys) {
            if (labels.size() == MAX_LABELS) {
                break; // the rest stays readable in event.original
            }
            JsonNode value = rest.get(key);
            if (value.isNull()) {
                continue;
            }
            String name = key.startsWith("labels.") ? key.substring("labels.".length()) : key;
            labels.put(name.replace('.', '_'), value.isValueNode() ? value.asString() : value.toString());
        }
        return labels;
    }
}
