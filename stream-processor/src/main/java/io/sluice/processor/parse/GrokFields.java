package io.sluice.processor.parse;

import io.sluice.json.Json;
import io.sluice.model.LogLevels;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns grok captures (named with ECS field names, as Elasticsearch's ecs-v1 patterns do) into parsed
 * fields: the ECS fields Sluice models become event fields, every other capture a label. An access
 * log line without a level gets one from its HTTP status.
 */
final class GrokFields {

    /** A capture holding a JSON object whose fields become labels (zap's trailing context). */
    static final String JSON_CAPTURE = "sluice.json";
    private static final String STATUS = "http.response.status_code";

    private GrokFields() {
    }

    static ParsedFields of(Map<String, Object> captures, String formatName, TimeContext time) {
        Map<String, String> text = new LinkedHashMap<>();
        captures.forEach((name, value) -> {
            if (value != null && !value.toString().isEmpty()) {
                text.put(name, value.toString());
            }
        });
        String timestampText = text.remove("timestamp");
        Instant timestamp = timestampText == null ? null : Timestamps.parseText(timestampText, time).orElse(null);
        String level = Levels.normalize(text.remove("log.level"));
        if (level == null && text.containsKey(STATUS)) {
            level = levelOfStatus(text.get(STATUS));
        }
        String message = text.remove("message");
        String service = text.remove("service.name");
        String host = text.remove("host.name");
        String traceId = text.remove("trace.id");
        String spanId = text.remove("span.id");
        String stackTrace = text.remove("error.stack_trace");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("log_format", formatName);
        if (timestampText != null && timestamp == null) {
            labels.put("sluice_unparsed_timestamp", timestampText);
        }
        String json = text.remove(JSON_CAPTURE);
        String tail = text.remove(AccessTail.CAPTURE);
        if (tail != null) {
            AccessTail.read(tail).forEach(text::putIfAbsent);
        }
        text.forEach((name, value) -> labels.put(name.replace('.', '_'), value));
        if (json != null) {
            jsonLabels(json, labels);
        }
        // the text between the captures is not in any field: the event keeps the line
        return new ParsedFields(timestamp, message, level, service, host, traceId, spanId, null, stackTrace, labels, false);
    }

    private static String levelOfStatus(String status) {
        try {
            int code = Integer.parseInt(status);
            return code >= 500 ? LogLevels.ERROR : code >= 400 ? LogLevels.WARN : LogLevels.INFO;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void jsonLabels(String json, Map<String, String> labels) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node != null && node.isObject()) {
                FlatJson.flatten(node, 5).forEach((name, value) -> {
                    if (labels.size() < JsonLineParser.MAX_LABELS && !value.isNull()) {
                        labels.put(name.replace('.', '_'), value.isValueNode() ? value.asString() : value.toString());
                    }
                });
                return;
            }
        } catch (JacksonException | UnparseableLogException notJson) {
            // kept as text below
        }
        labels.put("context", json);
    }
}
