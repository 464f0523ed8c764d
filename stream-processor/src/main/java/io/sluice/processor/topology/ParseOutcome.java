package io.sluice.processor.topology;

import io.sluice.model.LogEvent;

/** What became of one raw record: an event, or a rejection carrying the original bytes. */
sealed interface ParseOutcome {

    record Parsed(LogEvent event) implements ParseOutcome {
    }

    record Rejected(byte[] original) implements ParseOutcome {
    }
}
