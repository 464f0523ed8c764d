package io.sluice.indexer.bulk;

import io.sluice.time.Sleeper;
import io.sluice.topics.DeadLetterCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes a batch so that every document ends indexed, already indexed, or rejected with a reason:
 * items answered 429/5xx — and only those — are resent with jittered exponential backoff; items
 * answered 4xx are rejections; a request refused as a whole for its content (413, another 4xx) is
 * split down to the document that causes it, which is rejected. If retryable items remain after the last retry, the batch fails as a
 * whole ({@link ElasticsearchUnavailableException}) and nothing of it may be committed; resending it
 * later is safe because {@code create} with the event id turns a repeat into a 409.
 */
public final class BulkIndexer {

    private static final Logger log = LoggerFactory.getLogger(BulkIndexer.class);
    private static final String TOO_LARGE = "request_too_large";

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
            List<ItemResult> results = sendSplittingRefusals(pending);
            List<BulkDocument> retry = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                BulkDocument document = pending.get(i);
                ItemResult result = results.get(i);
                switch (ItemVerdict.of(result.status())) {
                    case INDEXED -> indexed++;
                    case ALREADY_INDEXED -> alreadyIndexed++;
                    case RETRY -> retry.add(document);
                    case REJECT -> rejected.add(new Rejection(document.origin(), document.key(), document.source(),
                            TOO_LARGE.equals(result.errorType()) ? DeadLetterCode.TOO_LARGE : DeadLetterCode.ELASTICSEARCH_REFUSED,
                            reason(document, result)));
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

    /**
     * Sends the documents; a bulk refused as a whole for its content is split in halves and each sent
     * again, down to single documents, so one oversized or unacceptable document is isolated and the
     * others go through. Results are in the order of {@code documents}.
     */
    private List<ItemResult> sendSplittingRefusals(List<BulkDocument> documents) {
        try {
            return sender.send(documents);
        } catch (BulkRefusedException e) {
            if (documents.size() == 1) {
                log.warn("document from {} refused alone: {}", documents.get(0).origin(), e.getMessage());
                return List.of(new ItemResult(e.status(), e.tooLarge() ? TOO_LARGE : "http_" + e.status(), e.getMessage()));
            }
            int half = documents.size() / 2;
            log.info("bulk of {} documents refused as a whole ({}), sending it in halves; first from {}", documents.size(), e.status(),
                    documents.get(0).origin());
            List<ItemResult> results = new ArrayList<>(sendSplittingRefusals(documents.subList(0, half)));
            results.addAll(sendSplittingRefusals(documents.subList(half, documents.size())));
            return results;
        }
    }

    private static String reason(BulkDocument document, ItemResult result) {
        if (TOO_LARGE.equals(result.errorType())) {
            return "document of " + document.source().length + " bytes exceeds the limit of one Elasticsearch request "
                    + "(HTTP 413, http.max_content_length); not indexed into " + document.index();
        }
        return "elasticsearch refused " + document.index() + "/" + document.id() + ": " + result.describe();
    }

    private Duration backoffFor(int attempt) {
        long capped = Math.min(maxBackoff.toMillis(), backoff.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
