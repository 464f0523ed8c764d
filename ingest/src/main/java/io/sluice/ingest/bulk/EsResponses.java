package io.sluice.ingest.bulk;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Answers shaped like Elasticsearch's, with the {@code X-Elastic-Product} header that official
 * clients check before they talk to a server.
 */
final class EsResponses {

    private EsResponses() {
    }

    static ResponseEntity<Object> of(HttpStatus status, Object body) {
        return ResponseEntity.status(status)
                .header("X-Elastic-Product", "Elasticsearch")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    static ResponseEntity<Object> error(HttpStatus status, String type, String reason) {
        return of(status, Map.of("error", Map.of("type", type, "reason", reason,
                "root_cause", java.util.List.of(Map.of("type", type, "reason", reason))), "status", status.value()));
    }
}
