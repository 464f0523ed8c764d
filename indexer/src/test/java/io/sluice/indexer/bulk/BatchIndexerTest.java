package io.sluice.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchIndexerTest {

    private static List<BulkDocument> documents(int count) {
        List<BulkDocument> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new BulkDocument(new Coordinates("logs.enriched.v1", 0, i), "svc", "logs-svc-2026.11.22",
                    "id-" + i, "{}".getBytes()));
        }
        return documents;
    }

    private static List<ItemResult> all(List<BulkDocument> documents, int status) {
        return documents.stream().map(document -> new ItemResult(status, status >= 300 ? "x" : null, null)).toList();
    }

    private static BatchIndexer batchIndexer(BulkSender sender, int perBulk, int inFlight) {
        return new BatchIndexer(new BulkIndexer(sender, 1, Duration.ofMillis(1), Duration.ofMillis(1), pause -> { }),
                new BulkSplitter(1_000_000, perBulk), inFlight);
    }

    @Test
    void shouldHaveSeveralBulksInFlightAtOnce() throws Exception {
        CountDownLatch bothSent = new CountDownLatch(2);
        BulkSender waitsForTheOther = documents -> {
            bothSent.countDown();
            try {
                // only returns if a second bulk reaches the sender while this one is still open
                assertThat(bothSent.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return all(documents, 201);
        };
        try (BatchIndexer indexer = batchIndexer(waitsForTheOther, 5, 2)) {
            BulkOutcome outcome = indexer.index(documents(10));

            assertThat(outcome.indexed()).isEqualTo(10);
        }
    }

    @Test
    void shouldAddUpTheOutcomesOfEveryBulk() {
        BulkSender answers = documents -> documents.get(0).id().equals("id-0") ? all(documents, 201)
                : documents.get(0).id().equals("id-3") ? all(documents, 409) : all(documents, 400);
        try (BatchIndexer indexer = batchIndexer(answers, 3, 2)) {
            BulkOutcome outcome = indexer.index(documents(8));

            assertThat(outcome.indexed()).isEqualTo(3);
            assertThat(outcome.alreadyIndexed()).isEqualTo(3);
            assertThat(outcome.rejected()).extracting(rejection -> rejection.origin().offset()).containsExactly(6L, 7L);
        }
    }

    @Test
    void shouldFailTheBatchOnlyAfterEveryOtherBulkHasEnded() {
        Set<String> finished = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        BulkSender firstBulkAlwaysRefused = documents -> {
            calls.incrementAndGet();
            if (documents.get(0).id().equals("id-0")) {
                return all(documents, 503);
            }
            documents.forEach(document -> finished.add(document.id()));
            return all(documents, 201);
        };
        try (BatchIndexer indexer = batchIndexer(firstBulkAlwaysRefused, 2, 2)) {
            assertThatThrownBy(() -> indexer.index(documents(6))).isInstanceOf(ElasticsearchUnavailableException.class);

            assertThat(finished).containsExactlyInAnyOrder("id-2", "id-3", "id-4", "id-5");
            assertThat(calls).hasValue(2 + 2); // the refused bulk: first try and one retry
        }
    }

    @Test
    void shouldIndexNothingForAnEmptyBatch() {
        try (BatchIndexer indexer = batchIndexer(documents -> {
            throw new AssertionError("nothing to send");
        }, 2, 2)) {
            assertThat(indexer.index(List.of())).isEqualTo(new BulkOutcome(0, 0, List.of()));
        }
    }
}
