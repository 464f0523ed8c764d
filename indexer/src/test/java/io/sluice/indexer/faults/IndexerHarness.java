package io.sluice.indexer.faults;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.indexer.TestElasticsearch;
import io.sluice.runtime.elasticsearch.ElasticsearchIdentities;
import io.sluice.model.LogEvent;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.kafka.TopicOffsets;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the indexer fault tests share: the indexer service as {@code ./sluice up} runs it, in a group of
 * the test's own, events of one test service on {@code logs.enriched.v1}, and the oracle's counts.
 */
final class IndexerHarness {

    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    private final TestPlatform platform;
    private final String service;

    IndexerHarness(TestPlatform platform, String service) {
        this.platform = platform;
        this.service = service;
    }

    /**
     * Every timeout and backoff an Elasticsearch fault runs into, made short so a fault of {@link #FAULT_WINDOW}
     * outlasts each several times over — what minutes of outage prove with the defaults, in seconds: a request to a
     * frozen node times out (5 s), items are resent (backoff capped at 1 s), the batch is retried with the
     * partitions paused and polled (backoff capped at 2 s). The outage tests also shorten the time a consumer may
     * go without polling before it is evicted from its group, to what each outage must not reach.
     */
    static final List<String> FAULT_TIMEOUTS = List.of("--spring.elasticsearch.socket-timeout=5s",
            "--sluice.indexer.max-backoff=1s", "--sluice.indexer.batch-max-backoff=2s");

    /** How long Elasticsearch is stopped or frozen: six request timeouts, many times every backoff. */
    static final java.time.Duration FAULT_WINDOW = java.time.Duration.ofSeconds(30);

    /** The indexer service writing to {@code elasticsearch} with its own key there, its group starting at the topic's end when {@code newGroup}. */
    ChildProcess startIndexer(ElasticsearchIdentities elasticsearch, boolean newGroup, String... extraArgs) throws Exception {
        String group = "sluice-indexer-test-" + service; // the indexer user reads as sluice-indexer*
        if (newGroup) {
            startGroupAtEnd(group);
        }
        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()),
                platform.connections().withElasticsearch(elasticsearch));
        List<String> args = new ArrayList<>(List.of("--spring.kafka.consumer.group-id=" + group,
                "--sluice.indexer.retention=36500d"));
        args.addAll(FAULT_TIMEOUTS);
        args.addAll(List.of(extraArgs)); // the launcher keeps the last value of each: the test's own wins
        return launcher.start(Service.INDEXER, Map.of(), args);
    }

    private void startGroupAtEnd(String group) throws Exception {
        TopicOffsets.commitAtEnd(platform.kafka(), group, Topics.ENRICHED.name());
    }

    /** Events {@code first} … {@code first + events - 1} of the test's service, each with a unique id. */
    void produce(int first, int events) {
        produce(first, events, i -> "event " + i);
    }

    void produce(int first, int events, IntFunction<String> message) {
        try (KafkaProducer<String, LogEvent> producer = new KafkaProducer<>(platform.kafka().with(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                // compressed, a test's event of a few MB fits the broker's 1 MB batch limit, as it would from a compressing producer
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")),
                Topics.ENRICHED.keySerde().serializer(), Topics.ENRICHED.valueSerde().serializer())) {
            for (int i = first; i < first + events; i++) {
                Instant at = AT.plusMillis(i);
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), service, new LogEvent(at, message.apply(i), "INFO",
                        service, "h", null, null, service + "-" + i, at, null, Map.of("n", Integer.toString(i)))));
            }
            producer.flush();
        }
    }

    long count(ElasticsearchAccess elasticsearch) throws Exception {
        try (ElasticsearchClient client = TestElasticsearch.client(elasticsearch)) {
            String pattern = "logs-" + service + "-*";
            client.indices().refresh(refresh -> refresh.index(pattern).allowNoIndices(true));
            return client.count(count -> count.index(pattern).allowNoIndices(true)).count();
        }
    }

    /** The test service's dead letters, waiting up to {@code expected} of them for a few seconds. */
    List<ConsumerRecord<String, byte[]>> deadLetters(int expected) {
        return TopicRecords.read(platform.kafka(), Topics.DLQ.name(), record -> service.equals(record.key()),
                expected, Duration.ofSeconds(expected == 0 ? 3 : 30));
    }

    /**
     * How often the indexer's events listener was given its partitions, from the service's own log (spring-kafka
     * logs every assignment): once means the group never rebalanced under it.
     */
    static long assignments(ChildProcess indexer) throws java.io.IOException {
        String ours = "\"pid\":" + indexer.pid() + ",";
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(indexer.logFile())) {
            return lines.filter(line -> line.contains(ours) && line.contains("partitions assigned: [logs.enriched.v1")).count();
        }
    }
}
