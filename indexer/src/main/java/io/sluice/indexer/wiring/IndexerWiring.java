package io.sluice.indexer.wiring;

import io.sluice.time.Sleeper;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.sluice.index.IndexTemplate;
import io.sluice.indexer.IndexerProperties;
import io.sluice.indexer.bulk.BatchIndexer;
import io.sluice.indexer.bulk.BulkIndexer;
import io.sluice.indexer.bulk.BulkSender;
import io.sluice.indexer.bulk.BulkSplitter;
import io.sluice.indexer.bulk.HealthRecordingBulkSender;
import io.sluice.indexer.bulk.WriteHealth;
import io.sluice.indexer.bulk.HttpBulkSender;
import io.sluice.indexer.bulk.MeteredBulkSender;
import io.sluice.indexer.bulk.DocumentMapper;
import io.sluice.indexer.consume.RecordBatchWriter;
import io.sluice.indexer.deadletter.DeadLetterPublisher;
import io.sluice.indexer.replay.EnrichedReplayer;
import io.sluice.indexer.retention.RetentionPolicy;
import io.sluice.indexer.retention.RetentionSweeper;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.metrics.LagMonitor;
import io.sluice.metrics.SluiceMeters;
import io.sluice.topics.Topics;
import java.io.IOException;
import java.time.Clock;
import java.io.StringReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import io.sluice.spring.kafka.KafkaSupport;
import io.sluice.spring.kafka.LagMonitors;
import io.sluice.spring.kafka.TransactionalInputSupport;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.util.backoff.ExponentialBackOff;

/** Connects the indexer's parts and installs the index template at start; no logic here. */
@Configuration
@Import({KafkaSupport.class, TransactionalInputSupport.class})
class IndexerWiring {

    private static final Logger log = LoggerFactory.getLogger(IndexerWiring.class);

    @Bean
    SluiceMeters indexerMeters(MeterRegistry registry) {
        return new SluiceMeters(registry, "indexer");
    }

    @Bean
    WriteHealth writeHealth() {
        return new WriteHealth(Clock.systemUTC());
    }

    @Bean
    BulkIndexer bulkIndexer(ElasticsearchClient client, IndexerProperties properties, SluiceMeters meters, MeterRegistry registry,
            WriteHealth writeHealth) {
        BulkSender sender = new HealthRecordingBulkSender(
                new MeteredBulkSender(HttpBulkSender.of(client), registry, meters.retries("bulk_item")), writeHealth);
        return new BulkIndexer(sender, properties.itemRetries(), properties.retryBackoff(),
                properties.maxBackoff(), Sleeper.real());
    }

    @Bean
    BatchIndexer batchIndexer(BulkIndexer bulks, IndexerProperties properties) {
        return new BatchIndexer(bulks, new BulkSplitter(properties.bulkMaxBytes().toBytes(), properties.bulkMaxDocuments()),
                properties.maxInFlight());
    }

    @Bean
    RecordBatchWriter recordBatchWriter(BatchIndexer indexer, DeadLetterPublisher deadLetters) {
        return new RecordBatchWriter(indexer, deadLetters);
    }

    @Bean
    LagMonitor lagMonitor(LagMonitors lags, KafkaProperties kafkaProperties, IndexerProperties properties) {
        return lags.start("indexer", kafkaProperties.getConsumer().getGroupId(), Topics.ENRICHED.name(), properties.lagCheckInterval());
    }

    @Bean
    RetentionPolicy retentionPolicy(IndexerProperties properties) {
        return new RetentionPolicy(properties.retention(), properties.serviceRetention());
    }

    @Bean
    DocumentMapper documentMapper(RetentionPolicy retention) {
        return new DocumentMapper(retention, Clock.systemUTC());
    }

    @Bean
    RetentionSweeper retentionSweeper(ElasticsearchClient client, RetentionPolicy retention, IndexerProperties properties,
            @org.springframework.beans.factory.annotation.Value("${sluice.indexer.audit-retention-authorization:}") String audit) {
        // the audit retention's own credential replaces the indexer's on the sweeper's audit requests (a request's
        // header wins over the client's default one)
        ElasticsearchClient auditClient = audit.isBlank() ? null
                : client.withTransportOptions(options -> options.addHeader("Authorization", audit));
        return new RetentionSweeper(client, auditClient, retention, new io.sluice.indexer.retention.MonthlyRetention(
                properties.deadLetterRetention(), properties.alertRetention()), Clock.systemUTC());
    }

    @Bean
    io.sluice.redact.Redactor deadLetterRedactor(IndexerProperties properties) {
        return new io.sluice.redact.Redactor(properties.redaction());
    }

    /** Replays read with consumers of their own: assigned partitions, never a commit, so no group offsets move. */
    @Bean
    EnrichedReplayer enrichedReplayer(ConsumerFactory<String, byte[]> consumers, DocumentMapper mapper, BulkIndexer indexer) {
        return new EnrichedReplayer(() -> consumers.createConsumer("sluice-indexer-replay", "replay-"), mapper, indexer);
    }

    /**
     * A failed batch is retried for as long as it takes (Elasticsearch down for an hour loses nothing):
     * the container pauses the partitions and keeps polling meanwhile, so no rebalance happens.
     */
    @Bean
    DefaultErrorHandler retryBatchesForever(IndexerProperties properties, SluiceMeters meters) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.batchMaxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        Counter batchRetries = meters.retries("batch");
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
                batchRetries.increment();
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
                batchRetries.increment();
            }
        });
        return handler;
    }


    @Bean
    ApplicationRunner installIndexTemplate(ElasticsearchClient client, IndexerProperties properties) {
        return args -> {
            for (IndexTemplate template : IndexTemplate.values()) {
                try {
                    client.indices().putIndexTemplate(put -> put.name(template.templateName())
                            .withJson(new StringReader(template.body(properties.indexReplicas()))));
                    log.info("index template {} installed ({} replicas per shard)", template.templateName(), properties.indexReplicas());
                } catch (IOException e) {
                    throw new IllegalStateException("cannot install the index template " + template.templateName(), e);
                }
            }
        };
    }
}
