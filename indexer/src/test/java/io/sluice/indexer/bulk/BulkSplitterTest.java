package io.sluice.indexer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkSplitterTest {

    private static List<BulkDocument> documents(int... sizes) {
        List<BulkDocument> documents = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            documents.add(new BulkDocument(new Coordinates("logs.enriched.v1", 0, i), "svc", "logs-svc-2026.11.22",
                    "id-" + i, new byte[sizes[i]]));
        }
        return documents;
    }

    private static List<List<String>> ids(List<List<BulkDocument>> bulks) {
        return bulks.stream().map(bulk -> bulk.stream().map(BulkDocument::id).toList()).toList();
    }

    @Test
    void shouldCutByBytesKeepingTheOrder() {
        List<List<BulkDocument>> bulks = new BulkSplitter(100, 1_000).split(documents(40, 40, 40, 90, 10));

        assertThat(ids(bulks)).containsExactly(List.of("id-0", "id-1"), List.of("id-2"), List.of("id-3", "id-4"));
    }

    @Test
    void shouldCutByDocumentCount() {
        List<List<BulkDocument>> bulks = new BulkSplitter(1_000_000, 2).split(documents(1, 1, 1, 1, 1));

        assertThat(ids(bulks)).containsExactly(List.of("id-0", "id-1"), List.of("id-2", "id-3"), List.of("id-4"));
    }

    @Test
    void shouldSendADocumentLargerThanTheLimitAlone() {
        List<List<BulkDocument>> bulks = new BulkSplitter(100, 1_000).split(documents(10, 500, 10));

        assertThat(ids(bulks)).containsExactly(List.of("id-0"), List.of("id-1"), List.of("id-2"));
    }

    @Test
    void shouldMakeNoBulkOfNothing() {
        assertThat(new BulkSplitter(100, 10).split(List.of())).isEmpty();
    }

    @Test
    void shouldRefuseLimitsBelowOne() {
        assertThatThrownBy(() -> new BulkSplitter(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BulkSplitter(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
