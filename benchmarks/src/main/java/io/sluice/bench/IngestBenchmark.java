package io.sluice.bench;

import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.tokens.IngestAccess;
import io.sluice.runtime.kafka.LocalKafkaIdentities;
import io.sluice.runtime.Classpaths;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.SluiceHome;
import io.sluice.runtime.kafka.KafkaBroker;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.topics.TopicInstaller;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP ingest throughput against Kafka's own {@code ProducerPerformance}, in one run, on the same
 * payload, with the same producer settings ({@code acks=all}, idempotent, lz4, linger 5 ms), on a
 * broker of its own so nothing else competes for the machine. Prints both figures and their ratio.
 */
public final class IngestBenchmark {

    private static final Pattern PERF_LINE = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec.*?"
            + "([\\d.]+) ms 50th, [\\d.]+ ms 95th, ([\\d.]+) ms 99th");

    private final int events;
    private final int clients;
    private final int linesPerRequest;
    private final PrintStream out;

    public IngestBenchmark(int events, int clients, int linesPerRequest, PrintStream out) {
        this.events = events;
        this.clients = clients;
        this.linesPerRequest = linesPerRequest;
        this.out = out;
    }

    public void run() throws IOException, InterruptedException {
        Path home = SluiceHome.locate();
        RuntimeSettings settings = new RuntimeSettings(Profile.TEST, home, home.resolve(".sluice").resolve("bench"),
                29292, 29293, 29294, 0, 0, "0", 3);
        List<String> lines = BenchPayloads.json();
        Path payloadFile = Files.createDirectories(settings.dataDir()).resolve("payload.txt");
        Files.writeString(payloadFile, String.join("\n", lines));
        int bytes = lines.stream().mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length).sum() / lines.size();
        out.printf("ingest benchmark: %,d events of ~%d bytes; HTTP: %d clients x %d lines per request; 2 cores shared%n",
                events, bytes, clients, linesPerRequest);
        try (ChildProcess broker = new KafkaBroker(settings).start()) {
            new TopicInstaller(new LocalKafkaIdentities(settings).admin(), 3).install();
            double[] kafka = producerPerformance(settings, payloadFile);
            out.printf("Kafka ProducerPerformance: %,10.0f events/s   (record latency p50 %.0f ms, p99 %.0f ms)%n",
                    kafka[0], kafka[1], kafka[2]);
            Connections connections = Connections.of(settings);
            ServiceLauncher launcher = new ServiceLauncher(settings, connections);
            double[] secure = measureIngest(launcher, Map.of(), connections.ingest().operator(), lines);
            out.printf("HTTP ingest (HTTPS + token):%,9.0f events/s   (request p50 %.0f ms, p99 %.0f ms; ingest CPU %.1f us/event)%n",
                    secure[0], secure[1], secure[2], secure[3]);
            out.printf("ratio HTTP / ProducerPerformance: %.2f (goal >= 0.70)%n", secure[0] / kafka[0]);
            // the same service, run insecure (plain HTTP, no token), on the same broker and payload: what TLS and tokens cost
            double[] plain = measureIngest(launcher, Map.of("SPRING_PROFILES_ACTIVE", "insecure"),
                    new IngestAccess(Service.INGEST.url(Profile.TEST).replace("https://", "http://"), null, null), lines);
            out.printf("HTTP ingest (insecure):    %,10.0f events/s   (request p50 %.0f ms, p99 %.0f ms; ingest CPU %.1f us/event)%n",
                    plain[0], plain[1], plain[2], plain[3]);
            out.printf("cost of TLS + tokens: throughput ratio secure / insecure %.2f; ingest CPU per event %+.1f us (%.2fx)%n",
                    secure[0] / plain[0], secure[3] - plain[3], secure[3] / plain[3]);
        }
    }

    /** Starts ingest, warms it up, measures; the fourth figure is the ingest process's CPU time per event (us). */
    private double[] measureIngest(ServiceLauncher launcher, Map<String, String> env, IngestAccess ingest, List<String> lines)
            throws InterruptedException {
        try (ChildProcess service = launcher.start(Service.INGEST, env, List.of())) {
            http(ingest, lines, events / 5);
            java.time.Duration before = cpu(service);
            double[] figures = http(ingest, lines, events);
            double cpuMicros = (cpu(service).minus(before).toNanos() / 1e3) / (Math.max(1, events / linesPerRequest) * (double) linesPerRequest);
            return new double[] {figures[0], figures[1], figures[2], cpuMicros};
        }
    }

    private static java.time.Duration cpu(ChildProcess process) {
        return ProcessHandle.of(process.pid()).flatMap(handle -> handle.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for the ingest process " + process.pid()));
    }

    private double[] producerPerformance(RuntimeSettings settings, Path payloadFile) throws IOException, InterruptedException {
        // Kafka's own producer as the ingest user, over the same TLS listener Sluice's ingest uses: the security is in both figures
        Path clientConfig = settings.dataDir().resolve("perf-producer.properties");
        io.sluice.runtime.secrets.SecretStore.writeOwnerOnly(clientConfig,
                new LocalKafkaIdentities(settings).as(KafkaPrincipal.INGEST).propertiesFileText());
        Process perf = new ProcessBuilder(Classpaths.javaExecutable(), "-Xmx512m", "-cp", Classpaths.recorded(IngestBenchmark.class, "bench.classpath"),
                "org.apache.kafka.tools.ProducerPerformance", "--topic", "logs.raw.v1", "--num-records",
                Integer.toString(events), "--throughput", "-1", "--payload-file", payloadFile.toString(),
                "--producer.config", clientConfig.toString(), "--producer-props", "acks=all",
                "enable.idempotence=true", "linger.ms=5", "compression.type=lz4")
                .redirectErrorStream(true).start();
        String output = new String(perf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        perf.waitFor(10, TimeUnit.MINUTES);
        Matcher last = null;
        for (Matcher matcher = PERF_LINE.matcher(output); matcher.find(); ) {
            last = PERF_LINE.matcher(matcher.group());
            last.find();
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
        }
        return new double[] {Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)),
                Double.parseDouble(last.group(4))};
    }

    private double[] http(IngestAccess ingest, List<String> lines, int total) throws InterruptedException {
        HttpClient client = ingest.trustedCertificates() == null ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .sslContext(io.sluice.elasticsearch.ElasticsearchAccess.trusting(ingest.trustedCertificates())).build();
        int requests = Math.max(1, total / linesPerRequest);
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(requests));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int request; (request = next.getAndIncrement()) < requests; ) {
                    StringBuilder body = new StringBuilder(linesPerRequest * 200);
                    for (int i = 0; i < linesPerRequest; i++) {
                        body.append(lines.get((request * linesPerRequest + i) % lines.size())).append('\n');
                    }
                    long sent = System.nanoTime();
                    HttpResponse<String> response = client.send(ingest.request("/api/v1/logs?service=bench")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
                    }
                    latencies.add(System.nanoTime() - sent);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("benchmark client failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new double[] {requests * (double) linesPerRequest / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99)};
    }

    private static double percentile(List<Long> sortedNanos, double quantile) {
        int index = (int) Math.ceil(quantile * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }
}
