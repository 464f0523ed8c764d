package io.sluice.indexer.bulk;

/** A record that will never be indexed, with why: it goes to the dead-letter topic. */
public record Rejection(Coordinates origin, String key, byte[] value, String reason) implements MappedRecord {
}
