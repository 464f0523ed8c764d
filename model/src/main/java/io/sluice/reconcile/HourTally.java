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

    /** The two tallies of one hour and service together, as a new tally (the sample: the first's, then the second's). */
    static HourTally plus(HourTally first, HourTally second) {
        HourTally sum = new HourTally(first.hour, first.service);
        for (int i = 0; i < sum.counts.length; i++) {
            sum.counts[i] = first.counts[i] + second.counts[i];
        }
        for (String coordinates : first.missingSample) {
            sum.sample(coordinates);
        }
        for (String coordinates : second.missingSample) {
            sum.sample(coordinates);
        }
        return sum;
    }

    /** A copy that later counts on this one leave alone. */
    HourTally copy() {
        return plus(this, new HourTally(hour, service));
    }

    private void sample(String coordinates) {
        if (missingSample.size() < SAMPLE) {
            missingSample.add(coordinates);
        }
    }

    void count(RecordFate fate, String coordinates) {
        counts[fate.ordinal()]++;
        if (fate == RecordFate.MISSING) {
            sample(coordinates);
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
