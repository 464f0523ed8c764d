package io.sluice.ingest.http;

import io.sluice.ingest.IngestProperties;
import io.sluice.ingest.lines.NdjsonSplitter;
import io.sluice.ingest.lines.SplitBody;
import io.sluice.ingest.publish.KafkaUnavailableException;
import io.sluice.ingest.publish.RawLogPublisher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/logs}: NDJSON, one JSON object or one plain line per line. The answer comes
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

    public LogsController(RawLogPublisher publisher, IngestProperties properties) {
        this.publisher = publisher;
        this.properties = properties;
        this.splitter = new NdjsonSplitter((int) properties.maxLineSize().toBytes(), Clock.systemUTC());
    }

    @PostMapping(path = "/api/v1/logs", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IngestResponse> ingest(HttpServletRequest request,
            @RequestParam(name = "service", required = false) String service,
            @RequestHeader(name = "X-Sluice-Service", required = false) String serviceHeader,
            @RequestHeader(name = "X-Sluice-Host", required = false) String host) throws IOException {
        byte[] body = BoundedBody.read(request.getInputStream(), properties.maxBodySize().toBytes());
        String defaultService = service != null ? service : serviceHeader != null ? serviceHeader : properties.defaultService();
        SplitBody lines = splitter.split(body, defaultService, host);
        if (!lines.accepted().isEmpty()) {
            publisher.publish(lines.accepted(), properties.kafkaAckTimeout());
        }
        IngestResponse response = IngestResponse.of(lines.accepted().size(), lines.rejected());
        HttpStatus status = lines.accepted().isEmpty() && !lines.rejected().isEmpty() ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
        return ResponseEntity.status(status).body(response);
    }

    @ExceptionHandler(BoundedBody.BodyTooLargeException.class)
    ResponseEntity<IngestResponse> tooLarge(BoundedBody.BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(IngestResponse.failure(e.getMessage()));
    }

    @ExceptionHandler(KafkaUnavailableException.class)
    ResponseEntity<IngestResponse> kafkaUnavailable(KafkaUnavailableException e) {
        log.warn("answering 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(IngestResponse.failure(e.getMessage()));
    }
}
