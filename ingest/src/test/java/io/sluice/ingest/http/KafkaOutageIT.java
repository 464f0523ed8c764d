package io.sluice.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.SluiceHome;
import io.sluice.runtime.kafka.KafkaBroker;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.runtime.kafka.LocalKafkaIdentities;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.TopicInstaller;
import io.sluice.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The broker is killed with SIGKILL while requests flow, then restarted: every request answered 2xx
 * must be in {@code logs.raw.v1} exactly once, and requests during the outage must get 503. Uses a
 * broker of its own, so killing it disturbs no other test.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sluice.ingest.kafka-ack-timeout=6s",
        "spring.kafka.producer.properties.max.block.ms=2000",
        "spring.kafka.producer.properties.request.timeout.ms=2000",
        "spring.kafka.producer.properties.delivery.timeout.ms=5000",
        "spring.kafka.producer.properties.reconnect.backoff.max.ms=500"})
class KafkaOutageIT {

    private static final int LINES_PER_REQUEST = 10;
    private static final RuntimeSettings BROKER = new RuntimeSettings(Profile.TEST, SluiceHome.locate(),
            SluiceHome.locate().resolve(".sluice").resolve("test-outage"), 29192, 29193, 29194, 0, 0, "0", 1);
    private static ChildProcess broker;

    private static final LocalKafkaIdentities IDENTITIES = new LocalKafkaIdentities(BROKER);

    private static synchronized String bootstrap() {
        if (broker == null) {
            broker = new KafkaBroker(BROKER).start();
            new TopicInstaller(IDENTITIES.admin(), 1).install();
        }
        return BROKER.kafkaBootstrap();
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaOutageIT::bootstrap);
        IDENTITIES.as(KafkaPrincipal.INGEST).environment().forEach((name, value) -> registry.add(name, () -> value));
        INGEST.serviceEnvironment().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** This test's own platform's ingest certificate and tokens. */
    private static final io.sluice.runtime.ingest.IngestIdentities INGEST = io.sluice.runtime.ingest.IngestIdentities.of(BROKER);

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void shouldHaveEveryAcknowledgedRequestExactlyOnceAfterTheBrokerWasKilled() throws Exception {
        String run = "outage-" + System.nanoTime();
        Map<Integer, Integer> statusByRequest = new ConcurrentHashMap<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        io.sluice.tokens.IngestAccess ingest = INGEST.operator().at("https://localhost:" + port);
        HttpClient http = ingest.httpClient();
        Thread sender = new Thread(() -> {
            while (sending.get()) {
                int request = sent.getAndIncrement();
                StringBuilder body = new StringBuilder();
                for (int line = 0; line < LINES_PER_REQUEST; line++) {
                    body.append("{\"event.id\":\"").append(run).append('-').append(request).append('-').append(line)
                            .append("\",\"message\":\"request ").append(request).append("\"}\n");
                }
                try {
                    HttpResponse<String> response = http.send(ingest.request("/api/v1/logs?service=" + run)
                            .timeout(Duration.ofSeconds(20))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    statusByRequest.put(request, response.statusCode());
                } catch (Exception e) {
                    statusByRequest.put(request, -1);
                }
            }
        });
        sender.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> count(statusByRequest, 200) >= 30);
        ProcessHandle.of(broker.pid()).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(statusByRequest, 503) >= 3);
        broker = new KafkaBroker(BROKER).start();
        int okBeforeRestart = count(statusByRequest, 200);
        await().atMost(Duration.ofSeconds(90)).until(() -> count(statusByRequest, 200) >= okBeforeRestart + 30);
        sending.set(false);
        sender.join();

        Map<String, Integer> copies = new HashMap<>();
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(IDENTITIES.admin(), Topics.RAW.name(),
                record -> run.equals(record.key()), Integer.MAX_VALUE, Duration.ofSeconds(15));
        records.forEach(record -> copies.merge(SluiceHeaders.text(record.headers(), SluiceHeaders.EVENT_ID), 1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        statusByRequest.forEach((request, status) -> {
            if (status == 200) {
                for (int line = 0; line < LINES_PER_REQUEST; line++) {
                    String id = run + "-" + request + "-" + line;
                    int count = copies.getOrDefault(id, 0);
                    if (count == 0) {
                        missing.add(id);
                    } else if (count > 1) {
                        doubled.add(id);
                    }
                }
            }
        });
        LoggerFactory.getLogger(KafkaOutageIT.class).info("kafka outage: {} requests, {} answered 200, {} answered 503, {} failed otherwise",
                statusByRequest.size(), count(statusByRequest, 200), count(statusByRequest, 503), count(statusByRequest, -1));
        assertThat(missing).as("acknowledged lines missing from Kafka").isEmpty();
        assertThat(doubled).as("acknowledged lines in Kafka more than once").isEmpty();
        assertThat(statusByRequest.values()).as("nothing but 200 or 503").allMatch(status -> status == 200 || status == 503);
    }

    private static int count(Map<Integer, Integer> statuses, int status) {
        return (int) statuses.values().stream().filter(value -> value == status).count();
    }
}
