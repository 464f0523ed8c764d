package io.sluice.ingest.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The ingest service as {@code ./sluice up} runs it (512 MB heap), hit by 20 concurrent 9 MB gzip bodies
 * that each inflate about tenfold: the in-flight byte budget answers 429 (or 413) to what does not fit,
 * the process never runs out of memory, it is healthy after, and every line of every 2xx is in Kafka.
 */
@SluiceIntegrationTest
class MemoryBudgetIT {

    private static final int SENDERS = 20;
    private static final int LINE_CHARS = 8_000;

    @Test
    void shouldRefuseWhatDoesNotFitTheBudgetAndNeverRunOutOfMemory(TestPlatform platform) throws Exception {
        String run = "mem-" + UUID.randomUUID().toString().substring(0, 8);
        int lines = 90 * 1024 * 1024 / (LINE_CHARS + 20);
        byte[] body = gzipOfLines(lines);
        LoggerFactory.getLogger(MemoryBudgetIT.class).info("each body: {} lines, {} MB gzip, inflates {}x", lines,
                body.length / (1024 * 1024), Math.round((double) lines * (LINE_CHARS + 20) / body.length));
        assertThat(body.length).as("about 9 MB on the wire").isBetween(7_000_000, 10_000_000);

        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()), platform.connections());
        try (ChildProcess ingest = launcher.start(Service.INGEST, Map.of(),
                // this test is about the instance's budget: its 20 senders share one token, whose own share is the whole budget
                List.of("--sluice.ingest.auth.max-in-flight-bytes-per-token=1GB", "--sluice.ingest.auth.max-in-flight-requests-per-token=256"))) {
            Map<String, Integer> statusByService = send(platform.connections().ingest().operator(), body, run);
            Map<Integer, Integer> answersByStatus = new TreeMap<>();
            statusByService.values().forEach(status -> answersByStatus.merge(status, 1, Integer::sum));
            LoggerFactory.getLogger(MemoryBudgetIT.class).info("answers by status: {}", answersByStatus);

            assertThat(statusByService.values()).as("refused for memory").anyMatch(status -> status == 429 || status == 413);
            assertThat(statusByService.values()).as("under contention someone still gets through").contains(200);
            assertThat(statusByService.values()).allMatch(status -> status == 200 || status == 429 || status == 413 || status == 503);
            assertThat(ingest.isAlive()).as("no OutOfMemoryError (the service exits on one)").isTrue();
            assertThat(Files.readString(RuntimeSettings.of(Profile.TEST, System.getenv()).logDir().resolve("ingest.log")))
                    .doesNotContain("OutOfMemoryError");
            assertThat(ServiceLauncher.isUp(Service.INGEST.healthUrl(Profile.TEST))).as("healthy after").isTrue();

            List<String> acknowledged = statusByService.entrySet().stream().filter(entry -> entry.getValue() == 200).map(Map.Entry::getKey).toList();
            if (!acknowledged.isEmpty()) {
                Map<String, Integer> inKafka = new TreeMap<>();
                for (ConsumerRecord<String, byte[]> record : TopicRecords.read(platform.kafka(), Topics.RAW.name(),
                        record -> record.key() != null && acknowledged.contains(record.key()), lines * acknowledged.size(), Duration.ofMinutes(3))) {
                    inKafka.merge(record.key(), 1, Integer::sum);
                }
                acknowledged.forEach(service -> assertThat(inKafka.get(service)).as("lines of %s in Kafka", service).isEqualTo(lines));
            }
        }
    }

    /** Posts the body from 20 senders at once, each as its own service; the answer per service. */
    private static Map<String, Integer> send(io.sluice.tokens.IngestAccess ingest, byte[] body, String run) throws Exception {
        HttpClient http = ingest.httpClient();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            Map<String, Future<Integer>> answers = new TreeMap<>();
            for (int i = 0; i < SENDERS; i++) {
                String service = run + "-" + i;
                answers.put(service, senders.submit(() -> http.send(ingest.request("/api/v1/logs?service=" + service).timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/x-ndjson").header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            Map<String, Integer> statuses = new TreeMap<>();
            for (Map.Entry<String, Future<Integer>> answer : answers.entrySet()) {
                statuses.put(answer.getKey(), answer.getValue().get());
            }
            return statuses;
        } finally {
            senders.shutdownNow();
        }
    }

    /** NDJSON lines, one eighth random characters, the rest repetitive: gzip shrinks them about tenfold. */
    private static byte[] gzipOfLines(int lines) throws Exception {
        Random random = new Random(42);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        String filler = "payment accepted for order ".repeat(LINE_CHARS / 27 + 1).substring(0, LINE_CHARS - LINE_CHARS / 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            StringBuilder line = new StringBuilder(LINE_CHARS + 20);
            for (int i = 0; i < lines; i++) {
                line.setLength(0);
                line.append("{\"message\":\"");
                for (int c = 0; c < LINE_CHARS / 8; c++) {
                    line.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                line.append(filler).append("\"}\n");
                gzip.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }
}
