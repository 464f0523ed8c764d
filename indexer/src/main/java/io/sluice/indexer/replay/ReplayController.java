package io.sluice.indexer.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/replay?from=…&to=…[&service=…]}: re-indexes the range and answers with the
 * report once done (what {@code ./sluice replay} calls). One replay at a time.
 */
@RestController
class ReplayController {

    private final EnrichedReplayer replayer;
    private final OperatorCredential operator;

    ReplayController(EnrichedReplayer replayer,
            @org.springframework.beans.factory.annotation.Value("${sluice.indexer.replay.token-digest:}") String tokenDigest) {
        this.replayer = replayer;
        this.operator = new OperatorCredential(tokenDigest);
    }

    /** Only for the operator's credential: a replay rewrites indices and reads the whole topic. */
    @PostMapping("/api/v1/replay")
    ResponseEntity<?> replay(@RequestParam String from, @RequestParam String to, @RequestParam(required = false) String service,
            @RequestHeader(value = "Authorization", required = false) String authorization) {
        if (!operator.configured()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("replay is off: no operator credential is configured"
                    + " (SLUICE_INDEXER_REPLAY_TOKEN_DIGEST)\n");
        }
        if (!operator.accepts(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer realm=\"sluice-replay\"")
                    .body("replay needs the operator's credential (./sluice replay sends it)\n");
        }
        return ResponseEntity.ok(replayer.replay(new ReplayRequest(Instant.parse(from), Instant.parse(to), service)));
    }

    @ExceptionHandler({IllegalArgumentException.class, DateTimeParseException.class})
    ResponseEntity<String> badRequest(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(e.getMessage() + "\n");
    }
}
