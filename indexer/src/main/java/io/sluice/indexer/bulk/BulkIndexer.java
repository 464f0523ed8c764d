package io.sluice.indexer.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes a batch so that every document ends indexed, already indexed, or rejected with a reason:
 * items answered 429/5xx — and only those — are resent with jittered exponential backoff; items
 * answered 4xx are rejections. If retryable items remain after the last retry, the batch fails as a
 * whole ({@link ElasticsearchUnavailableException}) and nothing of it may be committed; resending it
 * later is safe because {@code create} with the event id turns a repeat into a 409.
 */
public final class BulkIndexer {

    private static final Logger log = LoggerFactory.getLogger(BulkIndexer.class);

    private final BulkSender sender;
    private final int itemRetries;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;

    public BulkIndexer(BulkSender sender, int itemRetries, Duration backoff, Duration maxBackoff, Sleeper sleeper) {
        this.sender = sender;
        this.itemRetries = itemRetries;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
    }

    public BulkOutcome index(List<BulkDocument> documents) {
        int indexed = 0;
        int alreadyIndexed = 0;
        List<Rejection> rejected = new ArrayList<>();
        List<BulkDocument> pending = documents;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > itemRetries) {
                throw new ElasticsearchUnavailableException(pending.size() + " documents still refused after "
                        + itemRetries + " retries, first from " + pending.get(0).origin(), null);
            }
            if (attempt > 0) {
                sleeper.sleep(backoffFor(attempt));
            }
            List<ItemResult> results = sender.send(pending);
            List<BulkDocument> retry = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                BulkDocument document = pending.get(i);
                ItemResult result = results.get(i);
                switch (ItemVerdict.of(result.status())) {
                    case INDEXED -> indexed++;
                    case ALREADY_INDEXED -> alreadyIndexed++;
                    case RETRY -> retry.add(document);
                    case REJECT -> rejected.add(new Rejection(document.origin(), document.key(), document.source(),
                            "elasticsearch refused " + document.index() + "/" + document.id() + ": " + result.describe()));
                }
            }
            if (!retry.isEmpty()) {
                log.info("retrying {} of {} documents refused with 429/5xx, first from {}", retry.size(),
                        pending.size(), retry.get(0).origin());
            }
            pending = retry;
        }
        return new BulkOutcome(indexed, alreadyIndexed, rejected);
    }

    private Duration backoffFor(int attempt) {
        long capped = Math.min(maxBackoff.toMillis(), backoff.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** Pauses between retries; a seam so tests need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration);

        static Sleeper real() {
            return duration -> {
                try {
                    Thread.sleep(duration.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ElasticsearchUnavailableException("interrupted while backing off", e);
                }
            };
        }
    }
}
