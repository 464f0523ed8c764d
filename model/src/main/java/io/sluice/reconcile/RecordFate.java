package io.sluice.reconcile;

/** What became of one record Kafka accepted on {@code logs.raw.v1}. */
public enum RecordFate {
    /** Its event is in Elasticsearch. */
    INDEXED,
    /** A stage refused it, and the dead-letter topic has it with the reason. */
    DEAD_LETTERED,
    /** A continuation line (a stack-trace frame, a CRI part) that the event before it took in. */
    JOINED,
    /** None of these: lost, or still on its way when the settle time is too short. */
    MISSING
}
