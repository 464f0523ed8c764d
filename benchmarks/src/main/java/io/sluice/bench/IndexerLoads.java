package io.sluice.bench;

import io.sluice.runtime.kafka.LocalKafkaIdentities;
import io.sluice.json.Json;
import io.sluice.model.LogEvent;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.rsyslog.Rsyslog;
import io.sluice.topics.Topics;
import io.sluice.elasticsearch.ElasticsearchAccess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The three ways {@link IndexerBenchmark} loads the same documents into Elasticsearch, each into the service's own daily index. */
final class IndexerLoads {

    static final String DAY = "2026.11.22";
    /** The ceiling sends what Sluice's indexer sends: bulks of 5,000 documents (or 5 MB), as many in flight, filtered answers. */
    static final int BULK_DOCUMENTS = 5_000;

    /** Waits until every document of a service is counted in Elasticsearch. */
    @FunctionalInterface
    interface Counted {
        void await(String service) throws Exception;
    }

    private final RuntimeSettings settings;
    private final int events;
    private final int inFlight;
    private final ElasticsearchAccess elasticsearch;
    private final String adminPassword;
    private final HttpClient http;
    private final Counted counted;

    /** @param elasticsearch the administrator, as the ceiling and rsyslog load (rsyslog 8.2302 knows no API keys) */
    IndexerLoads(RuntimeSettings settings, int events, int inFlight, ElasticsearchAccess elasticsearch, String adminPassword,
            Counted counted) {
        this.settings = settings;
        this.events = events;
        this.inFlight = inFlight;
        this.elasticsearch = elasticsearch;
        this.adminPassword = adminPassword;
        this.http = elasticsearch.httpClient();
        this.counted = counted;
    }

    /** Plain HTTP {@code _bulk} clients, {@code inFlight} at once: the ceiling. */
    void directBulk(String service) throws Exception {
        List<byte[]> documents = documents(service);
        // answers filtered to each item's status and error, as Sluice asks for them: a full answer costs the node ~15 %
        String bulk = "/_bulk?filter_path=errors,items.*.status,items.*.error";
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < inFlight; c++) {
            workers.add(pool.submit(() -> {
                for (int from; (from = next.getAndAdd(BULK_DOCUMENTS)) < documents.size(); ) {
                    StringBuilder body = new StringBuilder();
                    for (int i = from; i < Math.min(documents.size(), from + BULK_DOCUMENTS); i++) {
                        String json = new String(documents.get(i), StandardCharsets.UTF_8);
                        String id = Json.MAPPER.readTree(json).path("event.id").asString();
                        body.append("{\"create\":{\"_index\":\"logs-").append(service).append('-').append(DAY).append("\",\"_id\":\"")
                                .append(id).append("\"}}\n").append(json).append('\n');
                    }
                    HttpResponse<String> response = http.send(elasticsearch.request(bulk)
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("bulk answered " + response.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    /** Onto {@code logs.enriched.v1}, for Sluice's indexer to drain. */
    void viaKafka(String service) {
        List<byte[]> documents = documents(service);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new LocalKafkaIdentities(settings).admin().with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")), new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] document : documents) {
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), document));
            }
            producer.flush();
        }
    }

    /**
     * rsyslog reading the documents from a file into {@code omelasticsearch} with the same ids and
     * {@code create}: bulks of {@code batch} documents (its documentation's example queue uses 300).
     */
    void rsyslog(String service, int batch) throws Exception {
        Path dir = settings.dataDir().resolve(service);
        deleteTree(dir); // imfile's saved position from a previous run would make it skip the file
        Files.createDirectories(dir);
        Path file = dir.resolve("documents.ndjson");
        Files.write(file, documents(service).stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList());
        String actions = String.join("\n",
                "module(load=\"imfile\")",
                "module(load=\"omelasticsearch\")",
                "template(name=\"doc\" type=\"string\" string=\"%msg%\")",
                "template(name=\"index\" type=\"string\" string=\"logs-" + service + "-" + DAY + "\")",
                "template(name=\"id\" type=\"list\") { property(name=\"msg\" regex.type=\"ERE\" regex.submatch=\"1\""
                        + " regex.expression=\"\\\"event.id\\\":\\\"([^\\\"]+)\\\"\") }",
                "ruleset(name=\"es\" queue.type=\"LinkedList\" queue.size=\"500000\" queue.dequeueBatchSize=\"" + batch + "\") {",
                "  action(type=\"omelasticsearch\" server=\"localhost\" serverport=\"" + settings.elasticsearchPort() + "\""
                        + " usehttps=\"on\" tls.cacert=\"" + elasticsearch.trustedCertificates() + "\""
                        + " uid=\"" + elasticsearch.principal() + "\" pwd=\"" + adminPassword + "\""
                        + " template=\"doc\" searchIndex=\"index\" dynSearchIndex=\"on\" bulkmode=\"on\" maxbytes=\"5m\""
                        + " bulkid=\"id\" dynbulkid=\"on\" writeoperation=\"create\" esVersion.major=\"8\""
                        + " action.resumeRetryCount=\"-1\")",
                "}");
        try (Rsyslog rsyslog = Rsyslog.start(dir, actions + "\ninput(type=\"imfile\" File=\"" + file
                + "\" Tag=\"bench\" ruleset=\"es\" freshStartTail=\"off\")")) {
            counted.await(service);
        }
    }

    /** The same events for each loader, only the service (and so the index) differs. */
    private List<byte[]> documents(String service) {
        List<byte[]> documents = new ArrayList<>(events);
        Instant day = Instant.parse("2026-11-22T10:00:00Z");
        for (int i = 0; i < events; i++) {
            Instant at = day.plusMillis(i);
            LogEvent event = new LogEvent(at, "request " + i + " handled in " + (i % 97) + " ms", i % 6 == 4 ? "ERROR" : "INFO",
                    service, "host-" + (i % 4), String.format("%032x", i * 7919L), null, service + "-" + i, at, null,
                    Map.of("http_status", Integer.toString(200 + (i % 5) * 100), "route", "/cart/" + (i % 50)));
            documents.add(Json.MAPPER.writeValueAsBytes(event));
        }
        return documents;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
