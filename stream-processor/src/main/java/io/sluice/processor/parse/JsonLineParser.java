package io.sluice.processor.parse;

import io.sluice.topics.DeadLetterCode;
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
    private static final List<String> TRACE = List.of("trace.id", "trace_id", "traceId", "traceid", "mdc.traceId",
            "mdc.trace_id", "dd.trace_id", "X-B3-TraceId", "x-b3-traceid");
    private static final List<String> SPAN = List.of("span.id", "span_id", "spanId", "spanid", "mdc.spanId",
            "mdc.span_id", "dd.span_id", "X-B3-SpanId", "x-b3-spanid");
    private static final List<String> STACK_TRACE = List.of("error.stack_trace", "stack_trace", "stacktrace",
            "exception.stacktrace", "exception", "exc_info");
    /** W3C trace context: version-traceid-parentid-flags. */
    private static final java.util.regex.Pattern TRACEPARENT =
            java.util.regex.Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");
    /** B3 single header: traceid-spanid[-sampled[-parentspanid]]. */
    private static final java.util.regex.Pattern B3 =
            java.util.regex.Pattern.compile("^([0-9a-f]{16}|[0-9a-f]{32})-([0-9a-f]{16})(-.*)?$");
    private static final List<String> EVENT_ID = List.of("event.id");

    private final int maxDepth;

    JsonLineParser(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    ParsedFields parse(String line, TimeContext time) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw new UnparseableLogException(DeadLetterCode.MALFORMED_JSON, "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UnparseableLogException(DeadLetterCode.MALFORMED_JSON, "a line starting with '{' must be a JSON object");
        }
        return extract(FlatJson.flatten(root, maxDepth), time, "json");
    }

    /** A logfmt line, read with the same field names as JSON. */
    ParsedFields parseLogfmt(String line, TimeContext time) {
        return extract(Logfmt.parse(line), time, "logfmt");
    }

    private ParsedFields extract(Map<String, JsonNode> fields, TimeContext time, String format) {
        String timestampText = take(fields, TIMESTAMP);
        java.time.Instant timestamp = timestampText == null ? null : Timestamps.parseText(timestampText, time).orElse(null);
        String[] trace = traceContext(fields);
        String levelText = take(fields, LEVEL);
        String level = Levels.normalize(levelText);
        String message = take(fields, MESSAGE);
        String service = take(fields, SERVICE);
        String host = take(fields, HOST);
        String eventId = take(fields, EVENT_ID);
        String stackTrace = take(fields, STACK_TRACE);
        int rest = fields.size();
        Map<String, String> labels = labels(fields, timestampText != null && timestamp == null ? timestampText : null, format);
        // everything the line said is in the event unless labels were cut off or a level word was not understood
        boolean complete = rest < MAX_LABELS - 2 && (levelText == null || level != null);
        return new ParsedFields(timestamp, message, level, service, host, trace[0], trace[1], eventId, stackTrace, labels,
                complete);
    }

    /** Trace and span id: from the usual fields and MDC keys, else from a W3C traceparent or a B3 header. */
    private static String[] traceContext(Map<String, JsonNode> fields) {
        String traceId = take(fields, TRACE);
        String spanId = take(fields, SPAN);
        for (String name : List.of("traceparent", "b3")) {
            JsonNode header = fields.get(name);
            if (traceId == null && header != null && header.isValueNode()) {
                java.util.regex.Matcher matcher = (name.equals("b3") ? B3 : TRACEPARENT).matcher(header.asString().strip());
                if (matcher.matches()) {
                    fields.remove(name);
                    traceId = matcher.group(1);
                    spanId = spanId != null ? spanId : matcher.group(2);
                }
            }
        }
        return new String[] {traceId, spanId};
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
    private static Map<String, String> labels(Map<String, JsonNode> rest, String unparsedTimestamp, String format) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("log_format", format);
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
