package io.sluice.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * What Kafka accepted on {@code logs.raw.v1} from {@code from} until {@code until}, each record accounted for:
 * indexed, dead-lettered, joined into the event before it, or missing; per service and hour. {@code lookedUp}: how
 * many records this run looked up (a run resuming settled progress looks up only what was not settled).
 */
public record Reconciliation(Instant from, Instant until, List<HourTally> hours, long lookedUp) {

    public Reconciliation {
        hours = List.copyOf(hours);
    }

    public boolean balanced() {
        return hours.stream().allMatch(HourTally::balanced);
    }

    public long total(RecordFate fate) {
        return hours.stream().mapToLong(hour -> hour.count(fate)).sum();
    }

    public long accepted() {
        return hours.stream().mapToLong(HourTally::accepted).sum();
    }
}
