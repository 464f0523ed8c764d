package io.sluice.indexer.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends bulks with the Elasticsearch Java client: {@code create} operations whose source is the
 * JSON the mapper wrote, passed through as bytes (a serialized JSON object: message text, newlines and
 * all, is escaped inside it and cannot alter the bulk body's structure).
 */
public final class ElasticsearchBulkSender implements BulkSender {

    private final ElasticsearchClient client;

    public ElasticsearchBulkSender(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public List<ItemResult> send(List<BulkDocument> documents) {
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (BulkDocument document : documents) {
            request.operations(operation -> operation.create(create -> create
                    .index(document.index())
                    .id(document.id())
                    .document(BinaryData.of(document.source(), ContentType.APPLICATION_JSON))));
        }
        BulkResponse response;
        try {
            response = client.bulk(request.build());
        } catch (IOException e) {
            throw new ElasticsearchUnavailableException("bulk of " + documents.size() + " failed: " + e.getMessage(), e);
        } catch (ElasticsearchException e) {
            throw new ElasticsearchUnavailableException("bulk of " + documents.size() + " refused with "
                    + e.status() + ": " + e.getMessage(), e);
        }
        if (response.items().size() != documents.size()) {
            throw new ElasticsearchUnavailableException("bulk answered " + response.items().size() + " items for "
                    + documents.size() + " documents", null);
        }
        List<ItemResult> results = new ArrayList<>(documents.size());
        for (BulkResponseItem item : response.items()) {
            results.add(item.error() == null
                    ? new ItemResult(item.status(), null, null)
                    : new ItemResult(item.status(), item.error().type(), item.error().reason()));
        }
        return results;
    }
}
