package io.sluice.indexer.verify;

import io.sluice.reconcile.RecordFate;
import io.sluice.reconcile.Reconciliation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the last scheduled run found, for the indexer's health ({@code ./sluice status} prints a {@code problem}): never
 * a reason to call the indexer down — missing records are not the indexer failing — but said in words.
 */
public final class LastVerify {

    private volatile String off;
    private volatile Reconciliation result;
    private volatile Instant finished;
    private volatile String failure;
    private volatile Instant failedAt;

    void completed(Reconciliation result, Instant finished) {
        this.result = result;
        this.finished = finished;
        this.failure = null;
    }

    void failed(String why, Instant at) {
        this.failure = why;
        this.failedAt = at;
    }

    /** The schedule does not run, and why. */
    public void off(String why) {
        this.off = why;
    }

    /** The health details: when it last ran and what it found; a {@code problem} when records are missing or the last run failed. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (off != null) {
            details.put("state", "off: " + off);
            return details;
        }
        Reconciliation last = result;
        if (last == null && failure == null) {
            details.put("state", "no run yet");
            return details;
        }
        if (last != null) {
            details.put("lastRun", finished.toString());
            details.put("accepted", last.accepted());
            details.put("missing", last.total(RecordFate.MISSING));
            if (!last.balanced()) {
                details.put("problem", "verify: " + last.total(RecordFate.MISSING) + " of " + last.accepted() + " records accepted since "
                        + last.from() + " are neither indexed nor dead-lettered (./sluice verify names them)");
            }
        }
        String why = failure;
        if (why != null) {
            details.put("lastFailure", failedAt.toString());
            details.put("problem", "verify: the last run failed: " + why);
        }
        return details;
    }
}
