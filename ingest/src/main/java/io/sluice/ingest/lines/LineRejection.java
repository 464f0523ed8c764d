package io.sluice.ingest.lines;

/** A line ingest refused, with its 1-based number in the request and the reason. */
public record LineRejection(int lineNumber, String reason) {
}
