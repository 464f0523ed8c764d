package io.sluice.ingest.otlp;

import io.sluice.ingest.lines.MalformedBodyException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes OTLP/JSON ({@code resourceLogs → scopeLogs → logRecords}): lowerCamelCase names (the
 * spec's), snake_case accepted too; 64-bit integers as strings or numbers; trace and span ids hex.
 */
public final class OtlpJsonDecoder {

    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    private final JsonMapper mapper;

    public OtlpJsonDecoder(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public List<OtlpRecord> decode(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedBodyException("malformed OTLP JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedBodyException("an OTLP logs body is an ExportLogsServiceRequest object");
        }
        List<OtlpRecord> records = new ArrayList<>();
        for (JsonNode resourceLogs : field(root, "resourceLogs", "resource_logs")) {
            Map<String, String> resource = attributes(field(field(resourceLogs, "resource", "resource"), "attributes", "attributes"));
            String service = resource.remove("service.name");
            String host = resource.remove("host.name");
            for (JsonNode scopeLogs : field(resourceLogs, "scopeLogs", "scope_logs")) {
                String scope = field(scopeLogs, "scope", "scope").path("name").asString("");
                for (JsonNode record : field(scopeLogs, "logRecords", "log_records")) {
                    Map<String, String> labels = new LinkedHashMap<>(resource);
                    if (!scope.isEmpty()) {
                        labels.put("otel.scope.name", scope);
                    }
                    labels.putAll(attributes(field(record, "attributes", "attributes")));
                    records.add(new OtlpRecord(service, host, time(record),
                            OtlpRecord.level(field(record, "severityText", "severity_text").asString(null),
                                    field(record, "severityNumber", "severity_number").asInt(0)),
                            blankToNull(field(record, "traceId", "trace_id").asString(null)),
                            blankToNull(field(record, "spanId", "span_id").asString(null)),
                            text(field(record, "body", "body")), labels));
                }
            }
        }
        return records;
    }

    private static JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode value = node.path(camel);
        return value.isMissingNode() ? node.path(snake) : value;
    }

    private static Instant time(JsonNode record) {
        for (JsonNode value : List.of(field(record, "timeUnixNano", "time_unix_nano"),
                field(record, "observedTimeUnixNano", "observed_time_unix_nano"))) {
            String text = value.asString("");
            if (!text.isEmpty() && !text.equals("0")) {
                try {
                    BigInteger[] parts = new BigInteger(text).divideAndRemainder(BILLION);
                    return Instant.ofEpochSecond(parts[0].longValueExact(), parts[1].longValueExact());
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new MalformedBodyException("timeUnixNano must be an integer, got " + text);
                }
            }
        }
        return null;
    }

    private static Map<String, String> attributes(JsonNode keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode keyValue : keyValues) {
            attributes.put(keyValue.path("key").asString(), text(keyValue.path("value")));
        }
        return attributes;
    }

    /** An AnyValue as text: strings as they are, everything else as JSON. */
    private static String text(JsonNode anyValue) {
        if (anyValue.has("stringValue") || anyValue.has("string_value")) {
            return field(anyValue, "stringValue", "string_value").asString();
        }
        for (String scalar : List.of("boolValue", "intValue", "doubleValue", "bytesValue", "bool_value", "int_value",
                "double_value", "bytes_value")) {
            if (anyValue.has(scalar)) {
                return anyValue.get(scalar).asString();
            }
        }
        if (anyValue.isMissingNode() || anyValue.isEmpty()) {
            return "";
        }
        return plain(anyValue).toString();
    }

    /** An array or kvlist AnyValue as plain JSON: {@code [..]} and {@code {..}} of the values inside. */
    private static JsonNode plain(JsonNode anyValue) {
        JsonNode array = field(anyValue, "arrayValue", "array_value");
        if (!array.isMissingNode()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.path("values").forEach(value -> out.add(plain(value)));
            return out;
        }
        JsonNode kvlist = field(anyValue, "kvlistValue", "kvlist_value");
        if (!kvlist.isMissingNode()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            kvlist.path("values").forEach(kv -> out.set(kv.path("key").asString(), plain(kv.path("value"))));
            return out;
        }
        return JsonNodeFactory.instance.stringNode(text(anyValue));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
