package io.sluice.ingest.http;

import io.sluice.ingest.IngestProperties;
import io.sluice.ingest.guard.BoundService;
import io.sluice.ingest.lines.MalformedBodyException;
import io.sluice.ingest.lines.NdjsonSplitter;
import io.sluice.ingest.lines.SplitBody;
import io.sluice.ingest.publish.KafkaUnavailableException;
import io.sluice.ingest.publish.RawLogPublisher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/logs}: NDJSON, one JSON object or one plain line per line (or a JSON array of events, as the
 * body's {@code Content-Type} decides: {@code text/plain} is always lines). The answer comes
 * only after Kafka acknowledged every accepted line: 200 with per-line rejections, 400 when every
 * line was refused, 413 for an oversized body, 503 when Kafka did not acknowledge (nothing is
 * reported accepted that Kafka does not have).
 */
@RestController
public class LogsController {

    private static final Logger log = LoggerFactory.getLogger(LogsController.class);

    private final RawLogPublisher publisher;
    private final IngestProperties properties;
    private final NdjsonSplitter splitter;

    public LogsController(RawLogPublisher publisher, IngestProperties properties, NdjsonSplitter splitter) {
        this.publisher = publisher;
        this.properties = properties;
        this.splitter = splitter;
    }

    /**
     * The body is read before anything asks for request parameters: for a POST without a
     * Content-Type (curl's default is form-urlencoded) the container would otherwise consume the
     * body as form fields, and the logs would vanish.
     */
    @PostMapping(path = "/api/v1/logs", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IngestResponse> ingest(HttpServletRequest request) throws IOException {
        byte[] body = RequestBodies.read(request, properties.maxBodySize().toBytes(),
                properties.maxDecompressedSize().toBytes());
        if (body.length == 0) {
            return ResponseEntity.badRequest().body(IngestResponse.failure("empty body: send one log per line"));
        }
        String service = firstNonBlank(request.getParameter("service"), request.getHeader("X-Sluice-Service"),
                properties.defaultService());
        SplitBody lines = splitter.split(body, request.getContentType(), service, request.getHeader("X-Sluice-Host"));
        if (!lines.accepted().isEmpty()) {
            publisher.publish(BoundService.apply(request, lines.accepted()), properties.kafkaAckTimeout());
        }
        publisher.refused(lines.rejected());
        IngestResponse response = IngestResponse.of(lines.accepted().size(), lines.rejected());
        HttpStatus status = lines.accepted().isEmpty() && !lines.rejected().isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
        return ResponseEntity.status(status).body(response);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    @ExceptionHandler(RequestBodies.BodyTooLargeException.class)
    ResponseEntity<IngestResponse> tooLarge(RequestBodies.BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(IngestResponse.failure(e.getMessage()));
    }

    @ExceptionHandler({RequestBodies.BadBodyException.class, MalformedBodyException.class})
    ResponseEntity<IngestResponse> badBody(RuntimeException e) {
        return ResponseEntity.badRequest().body(IngestResponse.failure(e.getMessage()));
    }

    @ExceptionHandler(RequestBodies.UnsupportedEncodingException.class)
    ResponseEntity<IngestResponse> unsupportedEncoding(RequestBodies.UnsupportedEncodingException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(IngestResponse.failure(e.getMessage()));
    }

    @ExceptionHandler(KafkaUnavailableException.class)
    ResponseEntity<IngestResponse> kafkaUnavailable(KafkaUnavailableException e) {
        log.warn("answering 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(IngestResponse.failure(e.getMessage()));
    }
}
