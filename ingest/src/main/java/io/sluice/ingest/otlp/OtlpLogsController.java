package io.sluice.ingest.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.sluice.ingest.IngestProperties;
import io.sluice.ingest.guard.BoundService;
import io.sluice.ingest.http.PlainTextErrors;
import io.sluice.ingest.http.RequestBodies;
import io.sluice.ingest.lines.LineRejection;
import io.sluice.ingest.lines.NdjsonSplitter;
import io.sluice.ingest.lines.ShippedLines;
import io.sluice.ingest.lines.SplitBody;
import io.sluice.ingest.publish.RawLogPublisher;
import io.sluice.json.Json;
import io.sluice.model.ShippedAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OTLP/HTTP logs at the standard path {@code /v1/logs}, protobuf or JSON, answered in the same
 * encoding. Each log record's body is the line; {@code service.name} and {@code host.name} come from
 * the resource; severity, trace and span ids and the record's time travel as shipped attributes;
 * resource, scope and record attributes become labels. Records refused by a limit are reported as
 * OTLP partial success; {@code 503} when Kafka did not acknowledge (OTLP exporters retry it).
 */
@RestController
public class OtlpLogsController {

    private static final MediaType PROTOBUF = MediaType.parseMediaType("application/x-protobuf");

    private final RawLogPublisher publisher;
    private final IngestProperties properties;
    private final ShippedLines shippedLines;
    private final OtlpJsonDecoder json = new OtlpJsonDecoder(Json.MAPPER);
    private final OtlpProtobufDecoder protobuf = new OtlpProtobufDecoder();

    public OtlpLogsController(RawLogPublisher publisher, IngestProperties properties, NdjsonSplitter splitter) {
        this.publisher = publisher;
        this.properties = properties;
        this.shippedLines = new ShippedLines(splitter);
    }

    @PostMapping("/v1/logs")
    public ResponseEntity<Object> export(HttpServletRequest request) throws IOException {
        boolean isProtobuf = isProtobuf(request);
        byte[] body = RequestBodies.read(request, properties.maxBodySize().toBytes(),
                properties.maxDecompressedSize().toBytes());
        List<OtlpRecord> records = isProtobuf ? protobuf.decode(body) : json.decode(body);
        List<ShippedLines.Shipped> shipped = records.stream().map(record -> new ShippedLines.Shipped(record.body(),
                record.service() != null ? record.service() : properties.defaultService(), record.host(),
                new ShippedAttributes(record.timestamp(), record.level(), record.traceId(), record.spanId(), record.labels())))
                .toList();
        SplitBody lines = shippedLines.collect(shipped);
        publisher.publish(BoundService.apply(request, lines.accepted()), properties.kafkaAckTimeout());
        List<LineRejection> rejected = lines.rejected();
        publisher.refused(rejected);
        String message = rejected.isEmpty() ? "" : rejected.size() + " log records refused, first: record "
                + rejected.get(0).lineNumber() + ": " + rejected.get(0).reason();
        return isProtobuf ? protobufAnswer(rejected.size(), message) : jsonAnswer(rejected.size(), message);
    }

    private static boolean isProtobuf(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.startsWith("application/json")) {
            return false;
        }
        if (contentType == null || contentType.startsWith("application/x-protobuf")) {
            return true;
        }
        throw new PlainTextErrors.UnsupportedContentTypeException(
                "OTLP/HTTP takes application/x-protobuf or application/json, not " + contentType);
    }

    private static ResponseEntity<Object> protobufAnswer(int rejected, String message) {
        ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
        if (rejected > 0) {
            response.setPartialSuccess(ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(rejected)
                    .setErrorMessage(message));
        }
        return ResponseEntity.ok().contentType(PROTOBUF).body(response.build().toByteArray());
    }

    private static ResponseEntity<Object> jsonAnswer(int rejected, String message) {
        Object body = rejected == 0 ? Map.of()
                : Map.of("partialSuccess", Map.of("rejectedLogRecords", Integer.toString(rejected), "errorMessage", message));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
