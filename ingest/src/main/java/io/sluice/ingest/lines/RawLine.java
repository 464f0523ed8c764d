package io.sluice.ingest.lines;

import io.sluice.model.ShippedAttributes;
import java.util.Objects;

/**
 * One accepted line on its way to {@code logs.raw.v1}, with what ingest learned about it: service,
 * host and event id, and what the shipping protocol said beside the line.
 */
public record RawLine(int lineNumber, String service, String host, String eventId, byte[] bytes,
        ShippedAttributes attributes) {

    public RawLine {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(bytes, "bytes");
        attributes = attributes == null ? ShippedAttributes.NONE : attributes;
    }

    public RawLine(int lineNumber, String service, String host, String eventId, byte[] bytes) {
        this(lineNumber, service, host, eventId, bytes, ShippedAttributes.NONE);
    }

    public RawLine withEventId(String id) {
        return new RawLine(lineNumber, service, host, id, bytes, attributes);
    }

    public RawLine withAttributes(ShippedAttributes shipped) {
        return new RawLine(lineNumber, service, host, eventId, bytes, shipped);
    }
}
