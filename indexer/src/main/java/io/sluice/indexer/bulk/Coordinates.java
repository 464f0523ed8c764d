package io.sluice.indexer.bulk;

/** Where a document came from in Kafka: what a failure report must point back to. */
public record Coordinates(String topic, int partition, long offset) {

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
