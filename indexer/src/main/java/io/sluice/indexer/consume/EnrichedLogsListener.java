package io.sluice.indexer.consume;

import io.micrometer.core.instrument.Counter;
import io.sluice.indexer.bulk.DocumentMapper;
import io.sluice.metrics.SluiceMeters;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code logs.enriched.v1} (read_committed) in batches: each batch is indexed (as several
 * bulks in flight) or dead-lettered in full before the listener returns, and only then are its offsets
 * committed. A batch that fails is retried whole, with backoff, by the container's error handler.
 */
@Component
public class EnrichedLogsListener {

    private static final Logger log = LoggerFactory.getLogger(EnrichedLogsListener.class);

    private final RecordBatchWriter writer;
    private final DocumentMapper mapper;
    private final SluiceMeters meters;
    private final Counter indexed;
    private final Counter duplicates;

    public EnrichedLogsListener(RecordBatchWriter writer, DocumentMapper mapper, SluiceMeters meters) {
        this.writer = writer;
        this.mapper = mapper;
        this.meters = meters;
        this.indexed = meters.out("indexed");
        this.duplicates = meters.out("duplicate");
    }

    @KafkaListener(id = "sluice-indexer", idIsGroup = false, topics = "logs.enriched.v1", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        RecordBatchWriter.Written written = writer.write(records, mapper::map);
        meters.in(records.size());
        indexed.increment(written.indexed());
        duplicates.increment(written.alreadyIndexed());
        log.debug("batch of {}: {} indexed, {} already indexed, {} dead-lettered", records.size(), written.indexed(),
                written.alreadyIndexed(), written.deadLettered());
    }
}
