package io.sluice.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkIndexerTest {

    /** Answers each send with the next scripted list of statuses, and remembers which ids were sent. */
    private static final class ScriptedSender implements BulkSender {
        final Deque<List<Integer>> answers = new ArrayDeque<>();
        final List<List<String>> sentIds = new ArrayList<>();

        ScriptedSender answer(Integer... statuses) {
            answers.add(List.of(statuses));
            return this;
        }

        @Override
        public List<ItemResult> send(List<BulkDocument> documents) {
            sentIds.add(documents.stream().map(BulkDocument::id).toList());
            return answers.removeFirst().stream()
                    .map(status -> new ItemResult(status, status >= 300 ? "some_exception" : null,
                            status >= 300 ? "because " + status : null))
                    .toList();
        }
    }

    private final List<Duration> pauses = new ArrayList<>();

    private BulkIndexer indexer(BulkSender sender) {
        return new BulkIndexer(sender, 3, Duration.ofMillis(100), Duration.ofSeconds(1), pauses::add);
    }

    private static List<BulkDocument> documents(String... ids) {
        List<BulkDocument> documents = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            documents.add(new BulkDocument(new Coordinates("logs.enriched.v1", 0, i), "svc", "logs-svc-2026.11.22",
                    ids[i], "{}".getBytes()));
        }
        return documents;
    }

    @Test
    void shouldRetryOnlyTheItemAnswered429() {
        ScriptedSender sender = new ScriptedSender().answer(201, 429, 400, 409).answer(201);

        BulkOutcome outcome = indexer(sender).index(documents("a", "b", "c", "d"));

        assertThat(sender.sentIds).containsExactly(List.of("a", "b", "c", "d"), List.of("b"));
        assertThat(outcome.indexed()).isEqualTo(2);
        assertThat(outcome.alreadyIndexed()).isEqualTo(1);
        assertThat(outcome.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.origin().offset()).isEqualTo(2);
            assertThat(rejection.reason()).contains("logs-svc-2026.11.22/c", "400 some_exception: because 400");
        });
        assertThat(pauses).hasSize(1);
    }

    @Test
    void shouldRetry5xxItemsWithGrowingJitteredBackoff() {
        ScriptedSender sender = new ScriptedSender().answer(503).answer(502).answer(500).answer(201);

        BulkOutcome outcome = indexer(sender).index(documents("a"));

        assertThat(outcome.indexed()).isEqualTo(1);
        assertThat(pauses).hasSize(3);
        assertThat(pauses.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(pauses.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void shouldFailTheWholeBatchWhenRetriesRunOut() {
        ScriptedSender sender = new ScriptedSender().answer(429).answer(429).answer(429).answer(429);

        assertThatThrownBy(() -> indexer(sender).index(documents("a")))
                .isInstanceOf(ElasticsearchUnavailableException.class)
                .hasMessageContaining("still refused after 3 retries")
                .hasMessageContaining("logs.enriched.v1-0@0");
    }

    @Test
    void verdictShouldFollowTheStatus() {
        assertThat(ItemVerdict.of(201)).isEqualTo(ItemVerdict.INDEXED);
        assertThat(ItemVerdict.of(409)).isEqualTo(ItemVerdict.ALREADY_INDEXED);
        assertThat(ItemVerdict.of(429)).isEqualTo(ItemVerdict.RETRY);
        assertThat(ItemVerdict.of(503)).isEqualTo(ItemVerdict.RETRY);
        assertThat(ItemVerdict.of(400)).isEqualTo(ItemVerdict.REJECT);
        assertThat(ItemVerdict.of(413)).isEqualTo(ItemVerdict.REJECT);
    }

    /** Refuses, as a whole, any request holding more than {@code limit} source bytes, as Elasticsearch's http.max_content_length does. */
    private static final class SizeLimitedSender implements BulkSender {
        final int limit;
        final List<List<String>> sentIds = new ArrayList<>();

        SizeLimitedSender(int limit) {
            this.limit = limit;
        }

        @Override
        public List<ItemResult> send(List<BulkDocument> documents) {
            sentIds.add(documents.stream().map(BulkDocument::id).toList());
            if (documents.stream().mapToInt(document -> document.source().length).sum() > limit) {
                throw HttpBulkSender.refusal(413, "bulk of " + documents.size() + " refused with 413", null);
            }
            return documents.stream().map(document -> new ItemResult(201, null, null)).toList();
        }
    }

    private static BulkDocument sized(String id, int bytes, int offset) {
        return new BulkDocument(new Coordinates("logs.enriched.v1", 0, offset), "svc", "logs-svc-2026.11.22", id, new byte[bytes]);
    }

    @Test
    void shouldSplitABulkRefusedAsTooLargeDownToTheOneDocumentAndDeadLetterItAsTooLarge() {
        SizeLimitedSender sender = new SizeLimitedSender(1_000);
        List<BulkDocument> documents = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            documents.add(sized("small-" + i, 100, i));
        }
        documents.add(3, sized("huge", 1_500, 99));

        BulkOutcome outcome = indexer(sender).index(documents);

        assertThat(outcome.indexed()).isEqualTo(7);
        assertThat(outcome.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.origin().offset()).isEqualTo(99);
            assertThat(rejection.reason()).contains("1500 bytes", "exceeds the limit", "413");
            assertThat(rejection.code()).isEqualTo(io.sluice.topics.DeadLetterCode.TOO_LARGE);
        });
        assertThat(sender.sentIds.get(0)).hasSize(8);
        assertThat(sender.sentIds).contains(List.of("huge"));
        assertThat(pauses).as("a deterministic refusal is not backed off").isEmpty();
    }

    @Test
    void shouldDeadLetterTheDocumentBehindAnotherWholeRequest4xxWithItsStatus() {
        BulkSender sender = documents -> {
            if (documents.stream().anyMatch(document -> document.id().equals("bad"))) {
                throw new BulkRefusedException(400, "bulk refused with 400: illegal_argument_exception", null);
            }
            return documents.stream().map(document -> new ItemResult(201, null, null)).toList();
        };

        BulkOutcome outcome = indexer(sender).index(documents("a", "bad", "c"));

        assertThat(outcome.indexed()).isEqualTo(2);
        assertThat(outcome.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.origin().offset()).isEqualTo(1);
            assertThat(rejection.code()).isEqualTo(io.sluice.topics.DeadLetterCode.ELASTICSEARCH_REFUSED);
            assertThat(rejection.reason()).contains("400");
        });
    }

    @Test
    void shouldNeverDeadLetterForRefusedCredentialsButFailTheBatchToBeRetried() {
        BulkSender sender = documents -> {
            throw HttpBulkSender.refusal(401, "bulk of " + documents.size() + " refused with 401: security_exception", null);
        };

        assertThatThrownBy(() -> indexer(sender).index(documents("a", "b")))
                .isInstanceOf(ElasticsearchCredentialsException.class).isInstanceOf(ElasticsearchUnavailableException.class);
    }
}
