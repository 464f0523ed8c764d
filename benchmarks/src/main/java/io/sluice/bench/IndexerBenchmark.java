package io.sluice.bench;

import io.sluice.index.IndexTemplate;
import io.sluice.json.Json;
import io.sluice.model.LogEvent;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.SluiceHome;
import io.sluice.runtime.elasticsearch.ElasticsearchNode;
import io.sluice.runtime.kafka.KafkaBroker;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.runtime.rsyslog.Rsyslog;
import io.sluice.topics.TopicInstaller;
import io.sluice.topics.Topics;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * The same documents loaded into Elasticsearch by three loaders, in one run on a broker and node of
 * their own: plain HTTP {@code _bulk} clients (the ceiling), Sluice's indexer draining
 * {@code logs.enriched.v1}, and — where installed — rsyslog's {@code omelasticsearch} reading them from
 * a file, once as its documentation's example configures it and once tuned to Sluice's bulk size.
 * Prints documents per second and per Elasticsearch CPU-second (the node's own CPU time, read from the
 * OS) for each. Each load starts on a quiet node and is charged until the node is quiet again, so the
 * merges a load causes are billed to it, not to the next one; the loaders take turns in a rotating
 * order over several rounds, after a warm-up round that is not counted.
 */
public final class IndexerBenchmark {

    private static final String DAY = "2026.11.22";
    /** The ceiling sends what Sluice's indexer sends: bulks of 5,000 documents (or 5 MB), as many in flight, filtered answers. */
    private static final int BULK_DOCUMENTS = 5_000;
    private static final int ROUNDS = 3;
    /** A node using less than this much CPU per second is quiet (idle it uses about 3 ms). */
    private static final Duration QUIET = Duration.ofMillis(40);

    private final int events;
    private final int inFlight;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param inFlight bulk requests at once, for the indexer ({@code sluice.indexer.max-in-flight}) and the ceiling alike */
    public IndexerBenchmark(int events, int inFlight, PrintStream out) {
        this.events = events;
        this.inFlight = inFlight;
        this.out = out;
    }

    public void run() throws Exception {
        Path home = SluiceHome.locate();
        RuntimeSettings settings = new RuntimeSettings(Profile.TEST, home, home.resolve(".sluice").resolve("bench-indexer"),
                29292, 29293, 29400, 29500, "1g", 3);
        out.printf("indexer benchmark: %,d documents per loader, each into its own daily index; %d bulks in flight"
                + " (ceiling and Sluice); 2 cores shared%n", events, inFlight);
        try (ChildProcess broker = new KafkaBroker(settings).start();
                ChildProcess node = new ElasticsearchNode(settings, System.getenv()).start()) {
            new TopicInstaller(settings.kafkaBootstrap(), 3).install();
            IndexTemplate.installAll(settings.elasticsearchUrl());
            // a previous run's documents would make every load a run of 409s
            http.send(HttpRequest.newBuilder(URI.create(settings.elasticsearchUrl() + "/logs-bench-*")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            ServiceLauncher launcher = new ServiceLauncher(settings, Connections.of(settings));
            try (ChildProcess indexer = launcher.start(Service.INDEXER, Map.of(), List.of("--sluice.indexer.retention=36500d",
                    "--sluice.indexer.max-in-flight=" + inFlight))) {
                List<Loader> loaders = new ArrayList<>();
                loaders.add(new Loader("direct _bulk (ceiling)", service -> directBulk(settings, documents(service), service)));
                loaders.add(new Loader("Sluice indexer (from Kafka)", service -> produce(settings, documents(service))));
                if (Rsyslog.installed()) {
                    loaders.add(new Loader("rsyslog, documented example", service -> rsyslog(settings, service, 300)));
                    loaders.add(new Loader("rsyslog, tuned like Sluice", service -> rsyslog(settings, service, BULK_DOCUMENTS)));
                }
                Map<String, List<Figures>> results = new java.util.LinkedHashMap<>();
                loaders.forEach(loader -> results.put(loader.name(), new ArrayList<>()));
                // round 0 warms up Elasticsearch's and the indexer's JIT on every loader's requests, and is not counted
                for (int round = 0; round <= ROUNDS; round++) {
                    out.printf(round == 0 ? "warm-up round (not counted)%n" : "round %d%n", round);
                    for (int turn = 0; turn < loaders.size(); turn++) {
                        Loader loader = loaders.get((turn + round) % loaders.size());
                        String service = "bench-" + loaders.indexOf(loader) + "-" + round;
                        Figures figures = measure(settings, node, service, () -> loader.load().into(service));
                        if (round > 0) {
                            results.get(loader.name()).add(figures);
                        }
                        print("  " + loader.name(), figures);
                    }
                }
                out.printf("mean of %d rounds, documents per Elasticsearch CPU-second:%n", ROUNDS);
                results.forEach((name, figures) -> out.printf("  %-30s %,9.0f%n", name + ":", mean(figures)));
                double ceiling = mean(results.get(loaders.get(0).name()));
                double ours = mean(results.get(loaders.get(1).name()));
                out.printf("Sluice / ceiling: %.2f (goal >= 0.90)%n", ours / ceiling);
                if (Rsyslog.installed()) {
                    out.printf("Sluice / rsyslog, documented example: %.2f (goal >= 1.15)%n", ours / mean(results.get(loaders.get(2).name())));
                    out.printf("Sluice / rsyslog, tuned like Sluice: %.2f%n", ours / mean(results.get(loaders.get(3).name())));
                } else {
                    out.println("rsyslog not installed: no rsyslog figure (apt-get install rsyslog rsyslog-elasticsearch)");
                }
            }
        }
    }

    private static double mean(List<Figures> rounds) {
        return rounds.stream().mapToDouble(Figures::perEsCpuSecond).average().orElse(Double.NaN);
    }

    /**
     * rsyslog reading the documents from a file into {@code omelasticsearch} with the same ids and
     * {@code create}: bulks of {@code batch} documents (its documentation's example queue uses 300).
     */
    private void rsyslog(RuntimeSettings settings, String service, int batch) throws Exception {
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
                "  action(type=\"omelasticsearch\" server=\"127.0.0.1\" serverport=\"" + settings.elasticsearchPort() + "\""
                        + " template=\"doc\" searchIndex=\"index\" dynSearchIndex=\"on\" bulkmode=\"on\" maxbytes=\"5m\""
                        + " bulkid=\"id\" dynbulkid=\"on\" writeoperation=\"create\" esVersion.major=\"8\""
                        + " action.resumeRetryCount=\"-1\")",
                "}");
        try (Rsyslog rsyslog = Rsyslog.start(dir, actions + "\ninput(type=\"imfile\" File=\"" + file
                + "\" Tag=\"bench\" ruleset=\"es\" freshStartTail=\"off\")")) {
            awaitCount(settings, service);
        }
    }

    /**
     * Runs a load on a quiet node, waits until every document is counted, then until the node is quiet
     * again: the node's CPU time over all of it is the load's cost.
     */
    private Figures measure(RuntimeSettings settings, ChildProcess node, String service, Load load) throws Exception {
        awaitQuiet(node);
        Duration cpuBefore = cpu(node);
        long bulksBefore = bulkRequests(settings);
        long started = System.nanoTime();
        load.run();
        awaitCount(settings, service);
        double seconds = (System.nanoTime() - started) / 1e9;
        awaitQuiet(node);
        double cpuSeconds = (cpu(node).toNanos() - cpuBefore.toNanos()) / 1e9;
        return new Figures(events / seconds, events / cpuSeconds, cpuSeconds, bulkRequests(settings) - bulksBefore);
    }

    /** Bulk requests the node has served (shard-level: one per index per request; here each load has one index). */
    private long bulkRequests(RuntimeSettings settings) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(settings.elasticsearchUrl() + "/_nodes/_local/stats/indices/bulk")).build(), HttpResponse.BodyHandlers.ofString());
        var nodes = Json.MAPPER.readTree(response.body()).path("nodes");
        return nodes.isEmpty() ? 0 : nodes.iterator().next().path("indices").path("bulk").path("total_operations").asLong();
    }

    private static void awaitQuiet(ChildProcess node) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Duration last = cpu(node);
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
            Duration now = cpu(node);
            if (now.minus(last).compareTo(QUIET) < 0) {
                return;
            }
            last = now;
        }
    }

    private void awaitCount(RuntimeSettings settings, String service) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        URI count = URI.create(settings.elasticsearchUrl() + "/logs-" + service + "-*/_count?allow_no_indices=true");
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(count).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && Json.MAPPER.readTree(response.body()).path("count").asLong() >= events) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException(service + ": not all " + events + " documents arrived within 20 minutes");
    }

    private void directBulk(RuntimeSettings settings, List<byte[]> documents, String service) throws Exception {
        // answers filtered to each item's status and error, as Sluice asks for them: a full answer costs the node ~15 %
        URI bulk = URI.create(settings.elasticsearchUrl() + "/_bulk?filter_path=errors,items.*.status,items.*.error");
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
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(bulk)
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

    private void produce(RuntimeSettings settings, List<byte[]> documents) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] document : documents) {
                producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), document));
            }
            producer.flush();
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

    private static Duration cpu(ChildProcess node) {
        ProcessHandle root = ProcessHandle.of(node.pid()).orElseThrow(() -> new IllegalStateException("Elasticsearch is gone"));
        Duration total = root.info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle child : root.descendants().toList()) {
            total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    private void print(String what, Figures figures) {
        out.printf("%-32s %,9.0f documents/s  %,9.0f documents per ES CPU-second (%.1f ES CPU-s, %,d bulks of %,.0f)%n",
                what + ":", figures.perSecond(), figures.perEsCpuSecond(), figures.esCpuSeconds(), figures.bulks(),
                (double) events / Math.max(1, figures.bulks()));
    }

    @FunctionalInterface
    private interface Load {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface ServiceLoad {
        void into(String service) throws Exception;
    }

    private record Loader(String name, ServiceLoad load) {
    }

    private record Figures(double perSecond, double perEsCpuSecond, double esCpuSeconds, long bulks) {
    }
}
