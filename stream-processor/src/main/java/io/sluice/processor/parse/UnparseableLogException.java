package io.sluice.processor.parse;

/** A raw record that can never become an event (retrying cannot help): it goes to the DLQ with this reason. */
public class UnparseableLogException extends RuntimeException {

    public UnparseableLogException(String reason) {
        super(reason);
    }
}
