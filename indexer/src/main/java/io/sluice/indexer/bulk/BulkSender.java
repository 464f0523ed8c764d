package io.sluice.indexer.bulk;

import java.util.List;

/**
 * Sends one bulk of {@code create} operations and returns one result per document, in order.
 * Throws {@link ElasticsearchUnavailableException} when the bulk as a whole failed.
 */
public interface BulkSender {

    List<ItemResult> send(List<BulkDocument> documents);
}
