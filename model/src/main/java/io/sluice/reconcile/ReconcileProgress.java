package io.sluice.reconcile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * What earlier reconciliations settled, for a caller that reconciles again and again (the indexer's schedule): per
 * partition of {@code logs.raw.v1}, the offset up to which every record was accounted for, their counts per hour and
 * service, and the records that were missing then ({@link #PENDING_LIMIT} at most by default), which each run looks up again. A
 * run resumes each partition where it settled, so a record is looked up once while it is found, and again only while
 * it is missing; past the limit a partition stops settling at its first missing record and its records are looked up
 * every run, as by a full reconciliation. Memory: one tally per hour and service, and the pending records. A fresh
 * progress is a full reconciliation ({@code ./sluice verify}). One progress per question: the same service filter.
 */
public final class ReconcileProgress {

    /** How many missing records are remembered one by one, unless told otherwise. */
    public static final int PENDING_LIMIT = 50_000;

    final int pendingLimit;

    final Map<TopicPartition, Long> settledUntil = new HashMap<>();
    final Map<String, HourTally> settled = new TreeMap<>();
    /** Per source, whether its last settled record was a CRI partial line (the next one joins it). */
    final Map<String, Boolean> partialBefore = new HashMap<>();
    final List<Pending> pending = new ArrayList<>();

    public ReconcileProgress() {
        this(PENDING_LIMIT);
    }

    /** A progress that remembers up to {@code pendingLimit} missing records (0: a partition stops at its first). */
    public ReconcileProgress(int pendingLimit) {
        this.pendingLimit = pendingLimit;
    }

    /** A record that was missing when it was read: looked up again by id until found or out of the window. */
    record Pending(Instant hour, String service, String coordinates, String id) {
    }

    /** Forgets the hours that ended before {@code from}. */
    void prune(Instant from) {
        Instant firstHour = from.truncatedTo(ChronoUnit.HOURS);
        settled.values().removeIf(tally -> tally.hour().isBefore(firstHour));
        pending.removeIf(record -> record.hour().isBefore(firstHour));
    }

    void settle(TopicPartition partition, long offset) {
        settledUntil.put(partition, offset + 1);
    }
}
