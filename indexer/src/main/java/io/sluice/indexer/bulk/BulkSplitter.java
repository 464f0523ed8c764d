package io.sluice.indexer.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a batch into bulk requests of at most {@code maxBytes} of sources and {@code maxDocuments}
 * documents, in order (Elasticsearch's guidance: bulks of a few MB). A document larger than
 * {@code maxBytes} travels alone rather than not at all.
 */
public record BulkSplitter(long maxBytes, int maxDocuments) {

    public BulkSplitter {
        if (maxBytes < 1 || maxDocuments < 1) {
            throw new IllegalArgumentException("bulk limits must be positive: " + maxBytes + " bytes, " + maxDocuments + " documents");
        }
    }

    public List<List<BulkDocument>> split(List<BulkDocument> documents) {
        List<List<BulkDocument>> bulks = new ArrayList<>();
        List<BulkDocument> current = new ArrayList<>();
        long bytes = 0;
        for (BulkDocument document : documents) {
            long size = document.source().length;
            if (!current.isEmpty() && (bytes + size > maxBytes || current.size() == maxDocuments)) {
                bulks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(document);
            bytes += size;
        }
        if (!current.isEmpty()) {
            bulks.add(current);
        }
        return bulks;
    }
}
