package io.sluice.ingest.lines;

/** The body as a whole cannot be read (not the JSON array it claims to be, say): 400. */
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message);
    }
}
