package io.sluice.bench;

import io.sluice.runtime.kafka.LocalKafkaIdentities;
import io.sluice.index.IndexTemplate;
import io.sluice.json.Json;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.SluiceHome;
import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.runtime.elasticsearch.ElasticsearchNode;
import io.sluice.runtime.elasticsearch.LocalElasticsearchIdentities;
import io.sluice.runtime.kafka.KafkaBroker;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.runtime.rsyslog.Rsyslog;
import io.sluice.topics.TopicInstaller;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    private static final int ROUNDS = 3;
    /** A node using less than this much CPU per second is quiet (idle it uses about 3 ms). */
    private static final Duration QUIET = Duration.ofMillis(40);

    private final int events;
    private final int inFlight;
    private final PrintStream out;
    private HttpClient http;
    private ElasticsearchAccess elasticsearch;

    /** @param inFlight bulk requests at once, for the indexer ({@code sluice.indexer.max-in-flight}) and the ceiling alike */
    public IndexerBenchmark(int events, int inFlight, PrintStream out) {
        this.events = events;
        this.inFlight = inFlight;
        this.out = out;
    }

    public void run() throws Exception {
        Path home = SluiceHome.locate();
        RuntimeSettings settings = new RuntimeSettings(Profile.TEST, home, home.resolve(".sluice").resolve("bench-indexer"),
                29292, 29293, 29294, 29400, 29500, "1g", 3);
        out.printf("indexer benchmark: %,d documents per loader, each into its own daily index; %d bulks in flight"
                + " (ceiling and Sluice); 2 cores shared%n", events, inFlight);
        try (ChildProcess broker = new KafkaBroker(settings).start();
                ChildProcess node = new ElasticsearchNode(settings, System.getenv()).start()) {
            new TopicInstaller(new LocalKafkaIdentities(settings).admin(), 3).install();
            LocalElasticsearchIdentities identities = new LocalElasticsearchIdentities(settings);
            // the loaders other than Sluice's write as the administrator
            elasticsearch = identities.admin();
            http = elasticsearch.httpClient();
            IndexTemplate.installAll(elasticsearch);
            // a previous run's documents would make every load a run of 409s
            http.send(elasticsearch.request("/logs-bench-*").DELETE().build(), HttpResponse.BodyHandlers.ofString());
            ServiceLauncher launcher = new ServiceLauncher(settings, Connections.of(settings));
            try (ChildProcess indexer = launcher.start(Service.INDEXER, Map.of(), List.of("--sluice.indexer.retention=36500d",
                    "--sluice.indexer.max-in-flight=" + inFlight))) {
                IndexerLoads loads = new IndexerLoads(settings, events, inFlight, elasticsearch, identities.adminPassword(),
                        service -> awaitCount(service));
                List<Loader> loaders = new ArrayList<>();
                loaders.add(new Loader("direct _bulk (ceiling)", loads::directBulk));
                loaders.add(new Loader("Sluice indexer (from Kafka)", loads::viaKafka));
                if (Rsyslog.installed()) {
                    loaders.add(new Loader("rsyslog, documented example", service -> loads.rsyslog(service, 300)));
                    loaders.add(new Loader("rsyslog, tuned like Sluice", service -> loads.rsyslog(service, IndexerLoads.BULK_DOCUMENTS)));
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
     * Runs a load on a quiet node, waits until every document is counted, then until the node is quiet
     * again: the node's CPU time over all of it is the load's cost.
     */
    private Figures measure(RuntimeSettings settings, ChildProcess node, String service, Load load) throws Exception {
        awaitQuiet(node);
        Duration cpuBefore = cpu(node);
        long bulksBefore = bulkRequests(settings);
        long started = System.nanoTime();
        load.run();
        awaitCount(service);
        double seconds = (System.nanoTime() - started) / 1e9;
        awaitQuiet(node);
        double cpuSeconds = (cpu(node).toNanos() - cpuBefore.toNanos()) / 1e9;
        return new Figures(events / seconds, events / cpuSeconds, cpuSeconds, bulkRequests(settings) - bulksBefore);
    }

    /** Bulk requests the node has served (shard-level: one per index per request; here each load has one index). */
    private long bulkRequests(RuntimeSettings settings) throws Exception {
        HttpResponse<String> response = http.send(elasticsearch.request("/_nodes/_local/stats/indices/bulk").build(),
                HttpResponse.BodyHandlers.ofString());
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

    private void awaitCount(String service) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(elasticsearch.request("/logs-" + service + "-*/_count?allow_no_indices=true").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && Json.MAPPER.readTree(response.body()).path("count").asLong() >= events) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException(service + ": not all " + events + " documents arrived within 20 minutes");
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
