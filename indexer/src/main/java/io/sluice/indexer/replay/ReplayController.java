package io.sluice.indexer.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/replay?from=…&to=…[&service=…]}: re-indexes the range and answers with the
 * report once done (what {@code ./sluice replay} calls). One replay at a time.
 */
@RestController
class ReplayController {

    private final EnrichedReplayer replayer;

    ReplayController(EnrichedReplayer replayer) {
        this.replayer = replayer;
    }

    @PostMapping("/api/v1/replay")
    ReplayReport replay(@RequestParam String from, @RequestParam String to, @RequestParam(required = false) String service) {
        return replayer.replay(new ReplayRequest(Instant.parse(from), Instant.parse(to), service));
    }

    @ExceptionHandler({IllegalArgumentException.class, DateTimeParseException.class})
    ResponseEntity<String> badRequest(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(e.getMessage() + "\n");
    }
}
