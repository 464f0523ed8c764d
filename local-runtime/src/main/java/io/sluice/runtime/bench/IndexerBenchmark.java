package io.sluice.runtime.bench;

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
import io.sluice.runtime.testing.Rsyslog;
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
 * The same documents loaded into Elasticsearch three ways, in one run on a broker and node of its own:
 * plain HTTP {@code _bulk} clients (the ceiling), Sluice's indexer draining {@code logs.enriched.v1},
 * and — where installed — rsyslog's {@code omelasticsearch} reading them from a file. Prints documents
 * per second and per Elasticsearch CPU-second (the node's own CPU time, read from the OS) for each,
 * after an unmeasured warm-up load, in two rounds (each loader into fresh indices).
 */
public final class IndexerBenchmark {

    private static final String DAY = "2026.11.22";
    private static final int BULK_DOCUMENTS = 2_000;
    private static final int CLIENTS = 2;
    private static final int ROUNDS = 2;

    private final int events;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    public IndexerBenchmark(int events, PrintStream out) {
        this.events = events;
        this.out = out;
    }

    public void run() throws Exception {
        Path home = SluiceHome.locate();
        RuntimeSettings settings = new RuntimeSettings(Profile.TEST, home, home.resolve(".sluice").resolve("bench-indexer"),
                29292, 29293, 29400, 29500, "1g", 3);
        out.printf("indexer benchmark: %,d documents per loader, each into its own daily index; 2 cores shared%n", events);
        try (ChildProcess broker = new KafkaBroker(settings).start();
                ChildProcess node = new ElasticsearchNode(settings, System.getenv()).start()) {
            new TopicInstaller(settings.kafkaBootstrap(), 3).install();
            IndexTemplate.install(settings.elasticsearchUrl());
            // a previous run's documents would make every load a run of 409s
            http.send(HttpRequest.newBuilder(URI.create(settings.elasticsearchUrl() + "/logs-bench-*")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            // Elasticsearch's own JIT and caches warm up on a load that is not measured
            directBulk(settings, documents("bench-warmup"), "bench-warmup");
            awaitCount(settings, "bench-warmup");
            ServiceLauncher launcher = new ServiceLauncher(settings, Connections.of(settings));
            try (ChildProcess indexer = launcher.start(Service.INDEXER, Map.of(), List.of("--sluice.indexer.retention=36500d"))) {
                List<List<Figures>> rounds = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    String ceilingService = "bench-ceiling-" + round;
                    String oursService = "bench-indexer-" + round;
                    Figures ceiling = measure(settings, node, ceilingService,
                            () -> directBulk(settings, documents(ceilingService), ceilingService));
                    Figures ours = measure(settings, node, oursService, () -> produce(settings, documents(oursService)));
                    Figures rsyslog = Rsyslog.installed() ? measureRsyslog(settings, node, "bench-rsyslog-" + round) : null;
                    rounds.add(java.util.Arrays.asList(ceiling, ours, rsyslog));
                    out.printf("round %d%n", round);
                    print("  direct _bulk (ceiling)", ceiling, null);
                    print("  Sluice indexer (from Kafka)", ours, ceiling);
                    if (rsyslog != null) {
                        print("  rsyslog omelasticsearch", rsyslog, ceiling);
                    }
                }
                double ceiling = mean(rounds, 0);
                double ours = mean(rounds, 1);
                out.printf("mean of %d rounds, documents per ES CPU-second: ceiling %,.0f, Sluice %,.0f%s%n", ROUNDS, ceiling, ours,
                        Rsyslog.installed() ? String.format(", rsyslog %,.0f", mean(rounds, 2)) : "");
                if (Rsyslog.installed()) {
                    out.printf("Sluice / rsyslog: %.2f (goal >= 1.15)%n", ours / mean(rounds, 2));
                } else {
                    out.println("rsyslog not installed: no rsyslog figure (apt-get install rsyslog rsyslog-elasticsearch)");
                }
                out.printf("Sluice / ceiling: %.2f (goal >= 0.90)%n", ours / ceiling);
            }
        }
    }

    private static double mean(List<List<Figures>> rounds, int loader) {
        return rounds.stream().mapToDouble(round -> round.get(loader).perEsCpuSecond()).average().orElse(Double.NaN);
    }

    private Figures measureRsyslog(RuntimeSettings settings, ChildProcess node, String service) throws Exception {
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
                "ruleset(name=\"es\" queue.type=\"LinkedList\" queue.size=\"500000\" queue.dequeueBatchSize=\"" + BULK_DOCUMENTS + "\") {",
                "  action(type=\"omelasticsearch\" server=\"127.0.0.1\" serverport=\"" + settings.elasticsearchPort() + "\""
                        + " template=\"doc\" searchIndex=\"index\" dynSearchIndex=\"on\" bulkmode=\"on\" maxbytes=\"5m\""
                        + " bulkid=\"id\" dynbulkid=\"on\" writeoperation=\"create\" esVersion.major=\"8\""
                        + " action.resumeRetryCount=\"-1\")",
                "}");
        return measure(settings, node, service, () -> {
            try (Rsyslog rsyslog = Rsyslog.start(dir, actions + "\ninput(type=\"imfile\" File=\"" + file
                    + "\" Tag=\"bench\" ruleset=\"es\" freshStartTail=\"off\")")) {
                awaitCount(settings, service);
            }
        });
    }

    /** Runs the load, waits until every document is searchable-counted, and reads the node's CPU time around it. */
    private Figures measure(RuntimeSettings settings, ChildProcess node, String service, Load load) throws Exception {
        Duration cpuBefore = cpu(node);
        long started = System.nanoTime();
        load.run();
        awaitCount(settings, service);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (cpu(node).toNanos() - cpuBefore.toNanos()) / 1e9;
        return new Figures(events / seconds, events / cpuSeconds, cpuSeconds);
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
        URI bulk = URI.create(settings.elasticsearchUrl() + "/_bulk");
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
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

    private void print(String what, Figures figures, Figures ceiling) {
        out.printf("%-32s %,9.0f documents/s  %,9.0f documents per ES CPU-second (%.1f ES CPU-s)%s%n", what + ":",
                figures.perSecond(), figures.perEsCpuSecond(), figures.esCpuSeconds(),
                ceiling == null ? "" : String.format("  = %.2f of the ceiling", figures.perEsCpuSecond() / ceiling.perEsCpuSecond()));
    }

    @FunctionalInterface
    private interface Load {
        void run() throws Exception;
    }

    private record Figures(double perSecond, double perEsCpuSecond, double esCpuSeconds) {
    }
}
