package io.sluice.ingest.lines;

import java.util.Objects;

/** One accepted line on its way to {@code logs.raw.v1}, with what ingest learned about it. */
public record RawLine(int lineNumber, String service, String host, String eventId, byte[] bytes) {

    public RawLine {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(bytes, "bytes");
    }
}
