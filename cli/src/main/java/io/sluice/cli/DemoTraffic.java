package io.sluice.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import io.sluice.tokens.IngestAccess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./sluice up --demo}: posts {@link DemoLogs} to the ingest endpoint once a second, with an
 * error burst from {@code payments} at the start and every few minutes, so an alert fires early.
 */
final class DemoTraffic implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final int BURST_EVERY_TICKS = 180;
    private static final int BURST_LENGTH_TICKS = 3;

    private final IngestAccess ingest;
    private final DemoLogs logs = new DemoLogs(42);
    private final HttpClient http;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sluice-demo-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private long ticks;

    /** Sends as the local operator: over HTTPS trusting the local CA, with the operator's token. */
    DemoTraffic(IngestAccess ingest) {
        this.ingest = ingest;
        this.http = ingest.httpClient();
    }

    void start() {
        timer.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        boolean burst = ticks++ % BURST_EVERY_TICKS < BURST_LENGTH_TICKS;
        for (Map.Entry<String, List<String>> batch : logs.tick(Instant.now(), burst).entrySet()) {
            post(batch.getKey(), String.join("\n", batch.getValue()) + "\n");
        }
    }

    private void post(String service, String ndjson) {
        HttpRequest request = ingest.request("/api/v1/logs?service=" + URLEncoder.encode(service, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log.warn("demo traffic for {} got {}: {}", service, response.statusCode(), response.body());
            }
        } catch (IOException e) {
            log.warn("demo traffic cannot reach {}: {}", ingest.url(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
