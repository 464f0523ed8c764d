package io.sluice.ingest.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.sluice.ingest.IngestProperties;
import io.sluice.ingest.guard.BoundService;
import io.sluice.ingest.http.RequestBodies;
import io.sluice.ingest.lines.LineRejection;
import io.sluice.ingest.lines.MalformedBodyException;
import io.sluice.ingest.lines.NdjsonSplitter;
import io.sluice.ingest.lines.RawLine;
import io.sluice.ingest.lines.SplitBody;
import io.sluice.ingest.publish.KafkaUnavailableException;
import io.sluice.ingest.publish.RawLogPublisher;
import io.sluice.json.Json;
import io.sluice.model.ShippedAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
    private final NdjsonSplitter splitter;
    private final OtlpJsonDecoder json = new OtlpJsonDecoder(Json.MAPPER);
    private final OtlpProtobufDecoder protobuf = new OtlpProtobufDecoder();

    public OtlpLogsController(RawLogPublisher publisher, IngestProperties properties) {
        this.publisher = publisher;
        this.properties = properties;
        this.splitter = new NdjsonSplitter((int) properties.maxLineSize().toBytes(), properties.maxJsonDepth(),
                Clock.systemUTC());
    }

    @PostMapping("/v1/logs")
    public ResponseEntity<Object> export(HttpServletRequest request) throws IOException {
        boolean isProtobuf = isProtobuf(request);
        byte[] body = RequestBodies.read(request, properties.maxBodySize().toBytes(),
                properties.maxDecompressedSize().toBytes());
        List<OtlpRecord> records = isProtobuf ? protobuf.decode(body) : json.decode(body);
        List<RawLine> accepted = new ArrayList<>(records.size());
        List<LineRejection> rejected = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            OtlpRecord record = records.get(i);
            String service = record.service() != null ? record.service() : properties.defaultService();
            SplitBody split = splitter.splitLines(List.of(record.body().getBytes(StandardCharsets.UTF_8)), service,
                    record.host());
            if (split.accepted().isEmpty()) {
                rejected.add(new LineRejection(i + 1, split.rejected().get(0).reason()));
                continue;
            }
            accepted.add(split.accepted().get(0).withAttributes(new ShippedAttributes(record.timestamp(),
                    record.level(), record.traceId(), record.spanId(), record.labels())));
        }
        publisher.publish(BoundService.apply(request, accepted), properties.kafkaAckTimeout());
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
        throw new UnsupportedContentTypeException(contentType);
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

    @ExceptionHandler(KafkaUnavailableException.class)
    ResponseEntity<Object> kafkaUnavailable(KafkaUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler({MalformedBodyException.class, RequestBodies.BadBodyException.class})
    ResponseEntity<Object> malformed(RuntimeException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(RequestBodies.BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestBodies.BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(UnsupportedContentTypeException.class)
    ResponseEntity<Object> unsupported(UnsupportedContentTypeException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    static final class UnsupportedContentTypeException extends RuntimeException {
        UnsupportedContentTypeException(String contentType) {
            super("OTLP/HTTP takes application/x-protobuf or application/json, not " + contentType);
        }
    }
}
