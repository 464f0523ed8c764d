package io.sluice.ingest.lines;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sluice.topics.DeadLetterCode;

/**
 * A line ingest refused, with its 1-based number in the request and the reason; {@code code} (what the
 * refusal metric counts by) stays out of the answer, whose shape shippers know.
 */
public record LineRejection(int lineNumber, String reason, @JsonIgnore DeadLetterCode code) {

    /** A refusal of the whole request (no line of it refused in particular, no code counted). */
    public LineRejection(int lineNumber, String reason) {
        this(lineNumber, reason, null);
    }
}
