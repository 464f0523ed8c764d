package io.sluice.indexer.consume;

import io.sluice.indexer.bulk.DocumentMapper;
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

    public EnrichedLogsListener(RecordBatchWriter writer, DocumentMapper mapper) {
        this.writer = writer;
        this.mapper = mapper;
    }

    @KafkaListener(id = "sluice-indexer", idIsGroup = false, topics = "logs.enriched.v1", batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        RecordBatchWriter.Written written = writer.write(records, mapper::map);
        log.debug("batch of {}: {} indexed, {} already indexed, {} dead-lettered", records.size(), written.indexed(),
                written.alreadyIndexed(), written.deadLettered());
    }
}
