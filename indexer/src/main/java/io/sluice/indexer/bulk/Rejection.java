package io.sluice.indexer.bulk;

import io.sluice.topics.DeadLetterCode;
/** A record that will never be indexed, with why (a code, and a sentence for people): it goes to the dead-letter topic. */
public record Rejection(Coordinates origin, String key, byte[] value, DeadLetterCode code, String reason) implements MappedRecord {
}
