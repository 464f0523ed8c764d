package io.sluice.bench;

import io.sluice.runtime.kafka.LocalKafkaIdentities;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.SluiceHome;
import io.sluice.runtime.kafka.KafkaBroker;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.runtime.slack.FakeSlack;
import io.sluice.topics.TopicInstaller;
import java.io.PrintStream;
import java.net.URI;
import io.sluice.tokens.IngestAccess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long from a log line sent to Sluice until Slack receives the alert it causes, through the real
 * pipeline: HTTP ingest → {@code logs.raw.v1} → stream processor (exactly-once) → {@code logs.enriched.v1}
 * → alerting stream (repartitioned, exactly-once) → {@code alerts.v1} → delivery → a local HTTP server
 * standing in for Slack. Each probe is an ERROR line with a label of its own, and a pattern rule grouped
 * by that label fires on it at once; probes are 1.5 s apart so Slack's one-message-per-second pacing
 * never queues them. Prints p50, p90, p99 and the maximum.
 */
public final class AlertLatencyMeasurement {

    private static final Duration SPACING = Duration.ofMillis(1_500);
    private static final int WARM_UP = 5;

    private final int probes;
    private final PrintStream out;
    private IngestAccess ingest;
    private HttpClient http;

    public AlertLatencyMeasurement(int probes, PrintStream out) {
        this.probes = probes;
        this.out = out;
    }

    public void run() throws Exception {
        Path home = SluiceHome.locate();
        RuntimeSettings settings = new RuntimeSettings(Profile.TEST, home, home.resolve(".sluice").resolve("bench-alerting"),
                29292, 29293, 29294, 0, 0, "0", 3);
        Path rules = Files.createDirectories(settings.dataDir()).resolve("latency-rules.yml");
        Files.writeString(rules, """
                rules:
                  - { id: latency-probe, type: pattern, match: { contains: LATENCY-PROBE }, group-by: labels.probe, window: 1m }
                """);
        out.printf("alert latency: %d probes (after %d unmeasured), log line sent → Slack post received%n", probes, WARM_UP);
        try (ChildProcess broker = new KafkaBroker(settings).start(); FakeSlack slack = new FakeSlack()) {
            new TopicInstaller(new LocalKafkaIdentities(settings).admin(), 3).install();
            Connections connections = Connections.of(settings);
            ServiceLauncher launcher = new ServiceLauncher(settings, connections);
            ingest = connections.ingest().operator();
            http = ingest.httpClient();
            String run = Long.toString(System.currentTimeMillis(), 36);
            try (ChildProcess ingest = launcher.start(Service.INGEST, Map.of(), List.of());
                    ChildProcess processor = launcher.start(Service.STREAM_PROCESSOR, Map.of(), List.of());
                    ChildProcess alerting = launcher.start(Service.ALERTING, Map.of("SLACK_WEBHOOK_URL", slack.webhookUrl()),
                            List.of("--sluice.alerting.rules-file=" + rules))) {
                List<Duration> latencies = new ArrayList<>();
                for (int i = 0; i < WARM_UP + probes; i++) {
                    String probe = "probe-" + run + "-" + i;
                    Instant sent = Instant.now();
                    send(probe, sent);
                    Duration latency = awaitPost(slack, probe, sent);
                    if (i >= WARM_UP) {
                        latencies.add(latency);
                    }
                    Duration rest = SPACING.minus(Duration.between(sent, Instant.now()));
                    if (!rest.isNegative()) {
                        Thread.sleep(rest.toMillis());
                    }
                }
                Collections.sort(latencies);
                out.printf("p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (goal: p99 <= 5,000 ms)%n", percentile(latencies, 50),
                        percentile(latencies, 90), percentile(latencies, 99), latencies.get(latencies.size() - 1).toMillis());
            }
        }
    }

    private void send(String probe, Instant at) throws Exception {
        String line = "{\"@timestamp\":\"" + at + "\",\"level\":\"ERROR\",\"message\":\"LATENCY-PROBE " + probe
                + " failed\",\"probe\":\"" + probe + "\"}";
        HttpResponse<String> response = http.send(ingest.request("/api/v1/logs?service=latency-bench")
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(line)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static Duration awaitPost(FakeSlack slack, String probe, Instant sent) throws InterruptedException {
        Instant deadline = sent.plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            Optional<FakeSlack.Post> post = slack.delivered().stream().filter(p -> p.body().contains("*" + probe + "*")).findFirst();
            if (post.isPresent()) {
                return Duration.between(sent, post.get().at());
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no Slack post for " + probe + " within 2 minutes");
    }

    private static long percentile(List<Duration> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)).toMillis();
    }
}
