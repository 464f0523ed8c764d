package io.sluice.ingest.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.sluice.ingest.lines.MalformedBodyException;
import io.sluice.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes {@code ExportLogsServiceRequest} protobuf, what OpenTelemetry SDKs and the Collector send by default. */
public final class OtlpProtobufDecoder {

    public List<OtlpRecord> decode(byte[] body) {
        ExportLogsServiceRequest request;
        try {
            request = ExportLogsServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedBodyException("malformed OTLP protobuf: " + e.getMessage());
        }
        List<OtlpRecord> records = new ArrayList<>();
        for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
            Map<String, String> resource = attributes(resourceLogs.getResource().getAttributesList());
            String service = resource.remove("service.name");
            String host = resource.remove("host.name");
            for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                for (LogRecord record : scopeLogs.getLogRecordsList()) {
                    Map<String, String> labels = new LinkedHashMap<>(resource);
                    if (!scopeLogs.getScope().getName().isEmpty()) {
                        labels.put("otel.scope.name", scopeLogs.getScope().getName());
                    }
                    labels.putAll(attributes(record.getAttributesList()));
                    records.add(new OtlpRecord(service, host, time(record), OtlpRecord.level(record.getSeverityText(),
                            record.getSeverityNumberValue()), hex(record.getTraceId()), hex(record.getSpanId()),
                            text(record.getBody()), labels));
                }
            }
        }
        return records;
    }

    private static Instant time(LogRecord record) {
        long nanos = record.getTimeUnixNano() != 0 ? record.getTimeUnixNano() : record.getObservedTimeUnixNano();
        return nanos == 0 ? null : Instant.ofEpochSecond(0, nanos);
    }

    private static String hex(ByteString id) {
        return id.isEmpty() ? null : HexFormat.of().formatHex(id.toByteArray());
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        keyValues.forEach(keyValue -> attributes.put(keyValue.getKey(), text(keyValue.getValue())));
        return attributes;
    }

    /** A value as text: strings as they are, everything else as JSON. */
    static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BYTES_VALUE -> java.util.Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            case ARRAY_VALUE, KVLIST_VALUE -> Json.MAPPER.writeValueAsString(plain(value));
            case VALUE_NOT_SET -> "";
        };
    }

    private static Object plain(AnyValue value) {
        return switch (value.getValueCase()) {
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpProtobufDecoder::plain).toList();
            case KVLIST_VALUE -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.getKvlistValue().getValuesList().forEach(kv -> map.put(kv.getKey(), plain(kv.getValue())));
                yield map;
            }
            default -> text(value);
        };
    }
}
