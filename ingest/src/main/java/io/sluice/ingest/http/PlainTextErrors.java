package io.sluice.ingest.http;

import io.sluice.ingest.lines.MalformedBodyException;
import io.sluice.ingest.loki.LokiPushController;
import io.sluice.ingest.otlp.OtlpLogsController;
import io.sluice.ingest.publish.KafkaUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Error answers of the protocols whose clients expect plain text (Loki, OTLP/HTTP): 503 with
 * {@code Retry-After} when Kafka did not acknowledge, 400 for a body that is not what it claims,
 * 413 over a limit, 415 for a content type or encoding the protocol does not use.
 */
@RestControllerAdvice(assignableTypes = {LokiPushController.class, OtlpLogsController.class})
public class PlainTextErrors {

    @ExceptionHandler(KafkaUnavailableException.class)
    ResponseEntity<String> kafkaUnavailable(KafkaUnavailableException e) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(e.getMessage());
    }

    @ExceptionHandler({MalformedBodyException.class, RequestBodies.BadBodyException.class})
    ResponseEntity<String> malformed(RuntimeException e) {
        return answer(HttpStatus.BAD_REQUEST).body(e.getMessage());
    }

    @ExceptionHandler(RequestBodies.BodyTooLargeException.class)
    ResponseEntity<String> tooLarge(RuntimeException e) {
        return answer(HttpStatus.CONTENT_TOO_LARGE).body(e.getMessage());
    }

    @ExceptionHandler({UnsupportedContentTypeException.class, RequestBodies.UnsupportedEncodingException.class})
    ResponseEntity<String> unsupported(RuntimeException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(e.getMessage());
    }

    private static ResponseEntity.BodyBuilder answer(HttpStatus status) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN);
    }

    /** A request body in a content type the endpoint does not take: 415. */
    public static final class UnsupportedContentTypeException extends RuntimeException {
        public UnsupportedContentTypeException(String message) {
            super(message);
        }
    }
}
