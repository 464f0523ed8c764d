package io.sluice.indexer.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Indexes a whole batch as several bulk requests in flight at once, each with its own item retries
 * ({@link BulkIndexer}), and returns only when every one has ended: the batch's offsets may be
 * committed only then. If any bulk still fails, the batch fails as a whole after the others have
 * finished; sending it again is harmless (the documents already in are answered 409).
 */
public final class BatchIndexer implements AutoCloseable {

    private final BulkIndexer bulks;
    private final BulkSplitter splitter;
    private final ExecutorService inFlight;

    public BatchIndexer(BulkIndexer bulks, BulkSplitter splitter, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max-in-flight must be at least 1: " + maxInFlight);
        }
        this.bulks = bulks;
        this.splitter = splitter;
        AtomicInteger threads = new AtomicInteger();
        this.inFlight = Executors.newFixedThreadPool(maxInFlight, task -> {
            Thread thread = new Thread(task, "bulk-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public BulkOutcome index(List<BulkDocument> documents) {
        List<List<BulkDocument>> requests = splitter.split(documents);
        if (requests.isEmpty()) {
            return new BulkOutcome(0, 0, List.of());
        }
        if (requests.size() == 1) {
            return bulks.index(requests.get(0));
        }
        List<CompletableFuture<BulkOutcome>> sent = new ArrayList<>(requests.size());
        for (List<BulkDocument> request : requests) {
            sent.add(CompletableFuture.supplyAsync(() -> bulks.index(request), inFlight));
        }
        int indexed = 0;
        int alreadyIndexed = 0;
        List<Rejection> rejected = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<BulkOutcome> bulk : sent) {
            try {
                BulkOutcome outcome = bulk.join();
                indexed += outcome.indexed();
                alreadyIndexed += outcome.alreadyIndexed();
                rejected.addAll(outcome.rejected());
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new BulkOutcome(indexed, alreadyIndexed, rejected);
    }

    @Override
    public void close() {
        inFlight.shutdownNow();
    }
}
