package io.sluice.indexer.bulk;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Elasticsearch takes the indexer's writes, and if not why, in words an operator can act on:
 * refused credentials, writes blocked (a full disk's flood-stage block), or unavailable. Each change
 * is logged once; health and {@code ./sluice status} show the current one.
 */
public final class WriteHealth {

    private static final Logger log = LoggerFactory.getLogger(WriteHealth.class);

    /** Why writes do not go through; {@code null} state means they do. */
    public enum Problem {
        CREDENTIALS("Elasticsearch refuses the indexer's credentials; indexing is paused and resumes once they are fixed "
                + "(nothing is dead-lettered, nothing is lost)"),
        WRITES_BLOCKED("Elasticsearch refuses writes (index blocked, e.g. disk past the flood-stage watermark); indexing is paused "
                + "and resumes by itself once space is freed (nothing is dead-lettered, nothing is lost)"),
        UNAVAILABLE("Elasticsearch is unavailable; batches are retried with backoff (nothing is committed, nothing is lost)");

        private final String words;

        Problem(String words) {
            this.words = words;
        }
    }

    /** The state at one moment: {@code problem} null when writes go through. */
    public record Snapshot(Problem problem, Instant since, String detail) {

        public String describe() {
            return problem == null ? "writes go through" : problem.words + "; since " + since + ": " + detail;
        }
    }

    private final Clock clock;
    private Snapshot current = new Snapshot(null, null, null);

    public WriteHealth(Clock clock) {
        this.clock = clock;
    }

    public synchronized void healthy() {
        if (current.problem() != null) {
            log.info("Elasticsearch takes writes again after {} since {}", current.problem(), current.since());
            current = new Snapshot(null, null, null);
        }
    }

    public synchronized void failing(Problem problem, String detail) {
        if (current.problem() != problem) {
            log.error("{}: {}", problem.words, detail);
            current = new Snapshot(problem, clock.instant(), detail);
        } else if (!Objects.equals(current.detail(), detail)) {
            current = new Snapshot(problem, current.since(), detail);
        }
    }

    public synchronized Snapshot snapshot() {
        return current;
    }
}
