package io.sluice.indexer.bulk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/**
 * Measures every bulk request: its latency ({@code sluice_indexer_bulk_latency_seconds}), its size in
 * documents and bytes ({@code sluice_indexer_bulk_documents}, {@code sluice_indexer_bulk_bytes}) and the
 * items Elasticsearch answered 429/5xx, which are sent again ({@code sluice_retries_total{cause="bulk_item"}}).
 */
public final class MeteredBulkSender implements BulkSender {

    private final BulkSender sender;
    private final Timer latency;
    private final DistributionSummary documents;
    private final DistributionSummary bytes;
    private final Counter itemRetries;

    public MeteredBulkSender(BulkSender sender, MeterRegistry registry, Counter itemRetries) {
        this.sender = sender;
        this.latency = Timer.builder("sluice.indexer.bulk.latency").description("time for one _bulk request, answer parsed")
                .publishPercentileHistogram().register(registry);
        this.documents = DistributionSummary.builder("sluice.indexer.bulk.documents").baseUnit("documents")
                .description("documents per _bulk request").register(registry);
        this.bytes = DistributionSummary.builder("sluice.indexer.bulk.size").baseUnit("bytes")
                .description("document bytes per _bulk request").register(registry);
        this.itemRetries = itemRetries;
    }

    @Override
    public List<ItemResult> send(List<BulkDocument> batch) {
        long size = 0;
        for (BulkDocument document : batch) {
            size += document.source().length;
        }
        documents.record(batch.size());
        bytes.record(size);
        Timer.Sample sample = Timer.start();
        List<ItemResult> results = sender.send(batch);
        sample.stop(latency);
        itemRetries.increment(results.stream().filter(result -> ItemVerdict.of(result.status()) == ItemVerdict.RETRY).count());
        return results;
    }
}
