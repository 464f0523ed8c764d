package io.sluice.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import io.sluice.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpDecodersTest {

    static byte[] fixture() throws IOException {
        try (InputStream in = OtlpDecodersTest.class.getResourceAsStream("otlp-logs.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldReadOtlpJson() throws IOException {
        List<OtlpRecord> records = new OtlpJsonDecoder(Json.MAPPER).decode(fixture());

        assertThat(records).hasSize(2);
        OtlpRecord error = records.get(0);
        assertThat(error.service()).isEqualTo("OTLP_SERVICE");
        assertThat(error.host()).isEqualTo("node-7");
        assertThat(error.timestamp()).isEqualTo(Instant.parse("2026-11-22T08:15:30.123Z"));
        assertThat(error.level()).isEqualTo("Error");
        assertThat(error.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
        assertThat(error.spanId()).isEqualTo("eee19b7ec3c1b174");
        assertThat(error.body()).isEqualTo("card declined");
        assertThat(error.labels()).containsEntry("deployment.environment", "prod").containsEntry("http.status_code", "402")
                .containsEntry("retry", "false").containsEntry("otel.scope.name", "com.example.checkout")
                .doesNotContainKeys("service.name", "host.name");
        OtlpRecord structured = records.get(1);
        assertThat(structured.timestamp()).isEqualTo(Instant.parse("2026-11-22T08:15:31Z"));
        assertThat(structured.level()).isEqualTo("INFO");
        assertThat(structured.body()).isEqualTo("{\"event\":\"cart.viewed\",\"items\":[\"1\",\"2\"]}");
    }

    static ExportLogsServiceRequest protobufRequest(String service) {
        return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue(service))))
                .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(LogRecord.newBuilder()
                        .setTimeUnixNano(1_795_335_330_000_000_000L)
                        .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_WARN)
                        .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex("5b8efff798038103d269b633813fc60c")))
                        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex("eee19b7ec3c1b174")))
                        .setBody(AnyValue.newBuilder().setStringValue("disk almost full"))
                        .addAttributes(KeyValue.newBuilder().setKey("disk").setValue(AnyValue.newBuilder().setIntValue(93))))))
                .build();
    }

    @Test
    void shouldReadOtlpProtobuf() {
        List<OtlpRecord> records = new OtlpProtobufDecoder().decode(protobufRequest("inventory").toByteArray());

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.service()).isEqualTo("inventory");
            assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-11-22T08:15:30Z"));
            assertThat(record.level()).isEqualTo("WARN");
            assertThat(record.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
            assertThat(record.spanId()).isEqualTo("eee19b7ec3c1b174");
            assertThat(record.body()).isEqualTo("disk almost full");
            assertThat(record.labels()).containsEntry("disk", "93");
        });
    }

    @Test
    void shouldMapSeverityNumbersToLevels() {
        assertThat(OtlpRecord.level(null, 1)).isEqualTo("TRACE");
        assertThat(OtlpRecord.level("", 9)).isEqualTo("INFO");
        assertThat(OtlpRecord.level(null, 20)).isEqualTo("ERROR");
        assertThat(OtlpRecord.level(null, 24)).isEqualTo("FATAL");
        assertThat(OtlpRecord.level(null, 0)).isNull();
        assertThat(OtlpRecord.level("notice", 9)).isEqualTo("notice");
    }
}
