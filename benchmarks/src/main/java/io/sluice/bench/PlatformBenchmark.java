package io.sluice.bench;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.json.Json;
import io.sluice.replication.Replication;
import io.sluice.runtime.ClusterShape;
import io.sluice.runtime.Connections;
import io.sluice.runtime.LocalRuntime;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.SluiceHome;
import io.sluice.runtime.elasticsearch.LocalElasticsearchIdentities;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.tokens.IngestAccess;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The whole platform end to end — HTTPS ingest to searchable in Elasticsearch — as {@code ./sluice up} runs it and as
 * {@code ./sluice up --cluster} runs it (3 brokers, 3 nodes, 2 instances of each service, replication 3/2/1), one after the
 * other in one run, on the same payload: events/s from the first request to the last document counted, and the CPU time
 * of every platform process per event. On one machine the cluster's extra copies compete for the same cores: the ratio
 * measures what replication costs here, not how a cluster of machines scales.
 */
public final class PlatformBenchmark {

    private static final int LINES_PER_REQUEST = 500;
    private static final int CLIENTS_PER_INSTANCE = 4;

    private final int events;
    private final PrintStream out;

    public PlatformBenchmark(int events, PrintStream out) {
        this.events = events;
        this.out = out;
    }

    public void run() throws Exception {
        out.printf("platform benchmark: %,d events through HTTPS ingest until all are searchable; %d lines per request, %d clients per"
                + " ingest instance; %d cores shared by everything%n", events, LINES_PER_REQUEST, CLIENTS_PER_INSTANCE,
                Runtime.getRuntime().availableProcessors());
        Figures single = measure(ClusterShape.SINGLE, "single");
        Figures cluster = measure(ClusterShape.CLUSTER, "cluster");
        out.printf("ratio cluster / single: %.2f of the events/s, %.2fx the CPU per event%n", cluster.eventsPerSecond() / single.eventsPerSecond(),
                cluster.cpuMicrosPerEvent() / single.cpuMicrosPerEvent());
    }

    /** Events/s end to end, events/s answered by ingest, and CPU microseconds of all the platform's processes per event. */
    record Figures(double eventsPerSecond, double ingestEventsPerSecond, double cpuMicrosPerEvent) {
    }

    private Figures measure(ClusterShape shape, String name) throws Exception {
        Path home = SluiceHome.locate();
        RuntimeSettings settings = new RuntimeSettings(Profile.TEST, home, home.resolve(".sluice").resolve("bench-platform-" + name),
                29492, 29493, 29494, 29800, 29900, "512m", 3).withShape(shape);
        ClusterShape.claim(settings.dataDir(), shape);
        Map<String, String> env = new HashMap<>(System.getenv());
        long startedAt = System.nanoTime();
        LocalRuntime runtime = new LocalRuntime(settings);
        List<ChildProcess> services = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread stop = new Thread(() -> {
            services.forEach(ChildProcess::close);
            runtime.close();
        }, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stop); // Ctrl-C leaves nothing running
        try {
            runtime.start(env);
            Connections connections = Connections.of(settings);
            ServiceLauncher launcher = new ServiceLauncher(settings, connections);
            Map<String, String> serviceEnv = Replication.forSize(shape.brokers(), shape.elasticsearchNodes()).environment();
            for (int instance = 1; instance <= shape.instances(); instance++) {
                for (Service service : Service.ALL) {
                    ChildProcess child = launcher.launch(service, instance, serviceEnv, List.of());
                    services.add(child);
                    launcher.awaitHealthy(service, instance, child);
                }
            }
            out.printf("%-8s %d brokers, %d Elasticsearch nodes, %d instances of each service: up after %d s%n", name, shape.brokers(),
                    shape.elasticsearchNodes(), shape.instances(), (System.nanoTime() - startedAt) / 1_000_000_000);
            List<IngestAccess> doors = new ArrayList<>();
            for (int instance = 1; instance <= shape.instances(); instance++) {
                doors.add(connections.ingest().operator().at("https://localhost:" + Service.INGEST.port(Profile.TEST, instance)));
            }
            ElasticsearchAccess elasticsearch = new LocalElasticsearchIdentities(settings).admin();
            String run = Long.toString(System.currentTimeMillis(), 36);
            send(doors, "warmup-" + run, events / 5);
            awaitIndexed(elasticsearch, "warmup-" + run, events / 5);

            List<ProcessHandle> platform = processes(runtime, services);
            Duration cpuBefore = cpu(platform);
            long sending = System.nanoTime();
            send(doors, "bench-" + run, events);
            double ingestSeconds = (System.nanoTime() - sending) / 1e9;
            awaitIndexed(elasticsearch, "bench-" + run, events);
            double seconds = (System.nanoTime() - sending) / 1e9;
            double cpuMicros = cpu(platform).minus(cpuBefore).toNanos() / 1e3 / events;
            Figures figures = new Figures(events / seconds, events / ingestSeconds, cpuMicros);
            out.printf("%-8s %,9.0f events/s searchable (ingest answered %,.0f events/s); %.0f us of CPU per event across %d processes%n",
                    name, figures.eventsPerSecond(), figures.ingestEventsPerSecond(), cpuMicros, platform.size());
            return figures;
        } finally {
            Runtime.getRuntime().removeShutdownHook(stop);
            stop.run();
        }
    }

    /** The benchmark's JSON lines, named after {@code service} (the line's {@code service.name} wins over the request's) and dated today. */
    private static List<String> lines(String service) {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        return BenchPayloads.json().stream().map(line -> line.replace("\"service.name\":\"bench\"", "\"service.name\":\"" + service + "\"")
                .replace("2026-11-22T", today + "T")).toList();
    }

    private void send(List<IngestAccess> doors, String service, int total) throws Exception {
        List<String> lines = lines(service);
        int requests = Math.max(1, total / LINES_PER_REQUEST);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(doors.size() * CLIENTS_PER_INSTANCE);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int client = 0; client < doors.size() * CLIENTS_PER_INSTANCE; client++) {
                IngestAccess door = doors.get(client % doors.size());
                HttpClient http = door.httpClient();
                workers.add(pool.submit(() -> {
                    for (int request; (request = next.getAndIncrement()) < requests; ) {
                        StringBuilder body = new StringBuilder(LINES_PER_REQUEST * 200);
                        for (int i = 0; i < LINES_PER_REQUEST; i++) {
                            body.append(lines.get((request * LINES_PER_REQUEST + i) % lines.size())).append('\n');
                        }
                        HttpResponse<String> response = http.send(door.request("/api/v1/logs?service=" + service)
                                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Waits until {@code expected} documents of the service are searchable; fails when the count stops growing for 2 minutes. */
    private static void awaitIndexed(ElasticsearchAccess elasticsearch, String service, int expected) throws Exception {
        long count = 0;
        long lastGrowth = System.nanoTime();
        while (System.nanoTime() - lastGrowth < Duration.ofMinutes(2).toNanos()) {
            HttpResponse<String> response = elasticsearch.httpClient().send(elasticsearch.request("/logs-" + service
                    + "-*/_count?ignore_unavailable=true&allow_no_indices=true").GET().build(), HttpResponse.BodyHandlers.ofString());
            long now = Json.MAPPER.readTree(response.body()).path("count").asLong();
            if (now >= expected) {
                return;
            }
            if (now > count) {
                count = now;
                lastGrowth = System.nanoTime();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(count + " of " + expected + " events of " + service + " searchable; none more for 2 minutes");
    }

    /** Every process the platform runs: brokers, nodes (with Elasticsearch's server JVM under its launcher), services. */
    private static List<ProcessHandle> processes(LocalRuntime runtime, List<ChildProcess> services) {
        List<ChildProcess> all = new ArrayList<>(services);
        runtime.children().forEach(all::add);
        return all.stream().flatMap(child -> ProcessHandle.of(child.pid()).stream())
                .flatMap(root -> Stream.concat(Stream.of(root), root.descendants())).toList();
    }

    private static Duration cpu(List<ProcessHandle> processes) {
        return processes.stream().map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }
}
