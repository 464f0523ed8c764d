package io.sluice.alerting.evaluate;

/** Counts of one tumbling window: matching events and all events (ratio rules only count both). */
public record Bucket(long start, long matched, long total) {

    Bucket add(boolean match) {
        return new Bucket(start, matched + (match ? 1 : 0), total + 1);
    }
}
