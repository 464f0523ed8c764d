package io.sluice.processor.parse;

import io.sluice.topics.DeadLetterCode;

/** A raw record that can never become an event (retrying cannot help): it goes to the DLQ with this code and reason. */
public class UnparseableLogException extends RuntimeException {

    private final DeadLetterCode code;

    public UnparseableLogException(DeadLetterCode code, String reason) {
        super(reason);
        this.code = code;
    }

    public DeadLetterCode code() {
        return code;
    }
}
