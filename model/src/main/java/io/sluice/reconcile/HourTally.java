package io.sluice.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One service's records in one hour (by the time Kafka accepted them), counted by fate, with a sample of the missing ones. */
public final class HourTally {

    static final int SAMPLE = 10;

    private final Instant hour;
    private final String service;
    private final long[] counts = new long[RecordFate.values().length];
    private final List<String> missingSample = new ArrayList<>();

    HourTally(Instant hour, String service) {
        this.hour = hour;
        this.service = service;
    }

    /** A tally already counted elsewhere (what a run reported): its records by fate, without a sample. */
    public static HourTally of(Instant hour, String service, java.util.Map<RecordFate, Long> counts) {
        HourTally tally = new HourTally(hour, service);
        counts.forEach((fate, count) -> tally.counts[fate.ordinal()] = count);
        return tally;
    }

    void count(RecordFate fate, String coordinates) {
        counts[fate.ordinal()]++;
        if (fate == RecordFate.MISSING && missingSample.size() < SAMPLE) {
            missingSample.add(coordinates);
        }
    }

    public Instant hour() {
        return hour;
    }

    public String service() {
        return service;
    }

    public long accepted() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    public long count(RecordFate fate) {
        return counts[fate.ordinal()];
    }

    public boolean balanced() {
        return count(RecordFate.MISSING) == 0;
    }

    /** Up to ten missing records, as {@code topic-partition@offset}. */
    public List<String> missingSample() {
        return List.copyOf(missingSample);
    }
}
