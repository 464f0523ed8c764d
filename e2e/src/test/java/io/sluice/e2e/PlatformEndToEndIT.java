package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.json.Json;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.runtime.slack.FakeSlack;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.SluiceRuntimeExtension;
import io.sluice.testing.TestPlatform;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The thin path end to end, on the real broker and Elasticsearch with the four services running as
 * the processes {@code ./sluice up} starts: HTTP → Kafka → Streams → indexer → Elasticsearch, and
 * errors → alerting → Slack. Service names are unique per run, so runs never see each other's data.
 */
@SluiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformEndToEndIT {

    private static final int ERROR_THRESHOLD = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final FakeSlack slack = new FakeSlack();
    private final Map<Service, ChildProcess> services = new EnumMap<>(Service.class);
    private TestPlatform platform;
    private Elasticsearch elasticsearch;

    @BeforeAll
    void startServices(TestPlatform platform) {
        this.platform = platform;
        this.elasticsearch = new Elasticsearch(platform.elasticsearch());
        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()),
                platform.connections());
        Map<String, String> env = Map.of("SLACK_WEBHOOK_URL", slack.webhookUrl(),
                "KIBANA_PUBLIC_URL", "https://kibana.example.com");
        for (Service service : Service.ALL) {
            services.put(service, launcher.launch(service, env,
                    List.of("--sluice.alerting.error-threshold=" + ERROR_THRESHOLD)));
        }
        services.forEach(launcher::awaitHealthy);
    }

    @AfterAll
    void stopServices() {
        services.values().forEach(ChildProcess::close);
        slack.close();
    }

    @Test
    void shouldIndexEveryEventOnceInItsDailyIndex() throws Exception {
        Instant today = Instant.now().minus(5, ChronoUnit.MINUTES);
        Instant yesterday = today.minus(1, ChronoUnit.DAYS);
        List<String> services = List.of("e2e-" + run + "-http-checkout", "e2e-" + run + "-http-edge");
        Set<String> givenIds = new HashSet<>();
        for (int batch = 0; batch < 10; batch++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = batch * 100 + i;
                String service = services.get(n % 2);
                Instant at = (n % 4 < 2 ? today : yesterday).plusMillis(n);
                if (n % 10 == 0) {
                    // plain text: the service comes from the request, the timestamp from the line
                    lines.add(at + " WARN plain line " + n);
                } else {
                    String id = "e2e-" + run + "-" + n;
                    givenIds.add(id);
                    lines.add(Json.MAPPER.writeValueAsString(Map.of("@timestamp", at.toString(), "message",
                            "json line " + n, "log.level", "info", "service.name", service, "event.id", id,
                            "trace.id", "trace-" + n, "user", "u" + (n % 7))));
                }
            }
            HttpResponse<String> response = post(services.get(0), String.join("\n", lines));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"accepted\":100");
        }

        String pattern = "logs-e2e-" + run + "-http-*";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(elasticsearch.count(pattern)).isEqualTo(1000));
        JsonNode indices = elasticsearch.get("/_cat/indices/" + pattern + "?format=json&h=index,docs.count");
        List<String> names = new ArrayList<>();
        indices.forEach(index -> names.add(index.path("index").asString()));
        assertThat(names).containsExactlyInAnyOrder(
                "logs-" + services.get(0) + "-" + DAY.format(today), "logs-" + services.get(0) + "-" + DAY.format(yesterday),
                "logs-" + services.get(1) + "-" + DAY.format(today), "logs-" + services.get(1) + "-" + DAY.format(yesterday));

        JsonNode hits = elasticsearch.get("/" + pattern + "/_search?size=1000").path("hits").path("hits");
        Set<String> ids = new HashSet<>();
        for (JsonNode hit : hits) {
            JsonNode source = hit.path("_source");
            assertThat(source.path("event.id").asString()).isEqualTo(hit.path("_id").asString());
            ids.add(hit.path("_id").asString());
            assertThat(source.path("@timestamp").asString()).isNotEmpty();
            assertThat(source.path("event.ingested").asString()).isNotEmpty();
            assertThat(source.path("service.name").asString()).isIn(services);
            assertThat(source.path("log.level").asString()).isIn("INFO", "WARN");
        }
        assertThat(ids).hasSize(1000).containsAll(givenIds);
        JsonNode one = elasticsearch.get("/" + pattern + "/_search?q=event.id:e2e-" + run + "-1")
                .path("hits").path("hits").get(0).path("_source");
        assertThat(one.path("message").asString()).isEqualTo("json line 1");
        assertThat(one.path("trace.id").asString()).isEqualTo("trace-1");
        assertThat(one.path("labels").path("user").asString()).isEqualTo("u1");
        assertThat(one.path("log.level").asString()).isEqualTo("INFO");
    }

    @Test
    void shouldMakeAccessLogsChartableWithTypedFields() throws Exception {
        String service = "e2e-" + run + "-nginx";
        String day = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss +0000", java.util.Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.now().minus(2, ChronoUnit.MINUTES));
        List<String> lines = new ArrayList<>();
        int[] statuses = {200, 200, 301, 404, 500, 503};
        for (int i = 0; i < 60; i++) {
            int status = statuses[i % statuses.length];
            String client = i % 3 == 0 ? "2001:db8::" + (i + 1) : "10.0." + (i % 5) + "." + (i + 1);
            lines.add(client + " - - [" + day + "] \"GET /orders/" + i + " HTTP/1.1\" " + status + " " + (100 * i)
                    + " \"-\" \"e2e/1.0\" rt=" + (i / 10) + "." + String.format("%03d", i) + " urt=\"0.001\"");
        }

        HttpResponse<String> response = post(service, String.join("\n", lines));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        String pattern = "logs-" + service + "-*";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(elasticsearch.count(pattern)).isEqualTo(60));
        assertThat(total("/" + pattern + "/_search?size=0&q=" + encode("http.response.status_code:>=500"))).isEqualTo(20);
        assertThat(total("/" + pattern + "/_search?size=0&q=" + encode("source.ip:\"10.0.0.0/24\""))).isEqualTo(8);
        assertThat(total("/" + pattern + "/_search?size=0&q=" + encode("http.response.body.bytes:[1000 TO 1999]"))).isEqualTo(10);
        JsonNode slowest = elasticsearch.get("/" + pattern + "/_search?size=1&sort=event.duration:desc").path("hits").path("hits")
                .get(0).path("_source");
        assertThat(slowest.path("event.duration").isNumber()).isTrue();
        assertThat(slowest.path("event.duration").asLong()).isEqualTo(5_059_000_000L);
        assertThat(slowest.path("url.original").asString()).isEqualTo("/orders/59");
        assertThat(slowest.path("http.response.status_code").asInt()).isEqualTo(503);
        assertThat(slowest.path("log.level").asString()).isEqualTo("ERROR");
        assertThat(slowest.path("labels").path("urt").asString()).isEqualTo("0.001");
    }

    private long total(String path) {
        return elasticsearch.get(path + "&track_total_hits=true").path("hits").path("total").path("value").asLong();
    }

    private static String encode(String query) {
        return java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void shouldStoreAJndiLookupVerbatimThroughEveryDoorAndNeverDialIt() throws Exception {
        try (ConnectionTrap ldap = new ConnectionTrap()) {
            new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), ldap.port()).close();
            await().atMost(Duration.ofSeconds(5)).until(() -> ldap.connections() == 1); // the trap sees a connection
            String lookup = "${jndi:ldap://127.0.0.1:" + ldap.port() + "/x}";
            Map<String, String> sent = new java.util.LinkedHashMap<>();
            for (String door : List.of("native", "bulk", "otlp", "loki", "syslog")) {
                sent.put("e2e-" + run + "-jndi-" + door, lookup + " via " + door + " " + run);
            }
            List<String> doors = new ArrayList<>(sent.keySet());
            assertThat(post(doors.get(0), Json.MAPPER.writeValueAsString(Map.of("message", sent.get(doors.get(0)), "level", "error")))
                    .statusCode()).isEqualTo(200);
            assertThat(ingest("/_bulk?service=" + doors.get(1), "application/x-ndjson", "{\"create\":{}}\n"
                    + Json.MAPPER.writeValueAsString(Map.of("message", sent.get(doors.get(1)))) + "\n").statusCode()).isEqualTo(200);
            Map<String, Object> otlpRecord = Map.of("timeUnixNano", nanos(), "body", Map.of("stringValue", sent.get(doors.get(2))));
            Map<String, Object> otlpResource = Map.of("attributes",
                    List.of(Map.of("key", "service.name", "value", Map.of("stringValue", doors.get(2)))));
            String otlp = Json.MAPPER.writeValueAsString(Map.of("resourceLogs", List.of(Map.of("resource", otlpResource,
                    "scopeLogs", List.of(Map.of("logRecords", List.of(otlpRecord)))))));
            assertThat(ingest("/v1/logs", "application/json", otlp).statusCode()).isEqualTo(200);
            String loki = Json.MAPPER.writeValueAsString(Map.of("streams", List.of(Map.of("stream", Map.of("service_name", doors.get(3)),
                    "values", List.of(List.of(nanos(), sent.get(doors.get(3))))))));
            assertThat(ingest("/loki/api/v1/push", "application/json", loki).statusCode()).isEqualTo(204);
            try (java.net.Socket syslog = new java.net.Socket("localhost", Service.syslogPort(Profile.TEST))) {
                syslog.getOutputStream().write(("<11>1 " + Instant.now() + " host " + doors.get(4) + " - - - " + sent.get(doors.get(4))
                        + "\n").getBytes(StandardCharsets.UTF_8));
            }

            for (String service : doors) {
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                        assertThat(elasticsearch.get("/logs-" + service + "-*/_search").path("hits").path("hits").get(0)
                                .path("_source").path("message").asString()).as(service).isEqualTo(sent.get(service)));
            }
            assertThat(ldap.connections()).as("connections to the address in the lookup, beyond the test's own").isEqualTo(1);
        }
    }

    private static String nanos() {
        Instant now = Instant.now();
        return Long.toString(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    }

    private HttpResponse<String> ingest(String path, String contentType, String body) throws Exception {
        io.sluice.tokens.IngestAccess ingest = platform.connections().ingest().operator();
        return ingest.httpClient().send(ingest.request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldSendExactlyOneSlackMessageForABurstOfErrors() throws Exception {
        String service = "e2e-" + run + "-payments";
        Instant at = Instant.now();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < ERROR_THRESHOLD * 2; i++) {
            errors.add(Json.MAPPER.writeValueAsString(Map.of("@timestamp", at.toString(), "level", "ERROR",
                    "message", "gateway timeout <!channel> #" + i)));
        }
        assertThat(post(service, String.join("\n", errors)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> messagesAbout(service).size() == 1);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() -> messagesAbout(service).size() == 1);
        String message = messagesAbout(service).get(0);
        assertThat(message).contains(":rotating_light: *FIRING*", "*" + service + "*", ERROR_THRESHOLD + " events, ",
                "(threshold " + ERROR_THRESHOLD + ")", "gateway timeout &lt;!channel&gt; #", "https://kibana.example.com/app/discover#/")
                .doesNotContain("<!channel>");
        // the alert and its delivery, both indexed for audit
        await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.get("/sluice-alerts-*/_search?q="
                + java.net.URLEncoder.encode("group:\"" + service + "\"", StandardCharsets.UTF_8)
                + "&ignore_unavailable=true&allow_no_indices=true").path("hits").path("total").path("value").asLong() == 2);
        JsonNode audit = elasticsearch.get("/sluice-alerts-*/_search?q=" + java.net.URLEncoder.encode(
                "group:\"" + service + "\" AND delivery.outcome:DELIVERED", StandardCharsets.UTF_8));
        assertThat(audit.path("hits").path("total").path("value").asLong()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAMalformedLineWithItsReason() throws Exception {
        String service = "e2e-" + run + "-broken";
        assertThat(post(service, "{\"message\": \"no closing brace").statusCode()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> dead = TopicRecords.read(platform.kafka(), Topics.DLQ.name(),
                record -> service.equals(record.key()), 1, Duration.ofSeconds(60));
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"message\": \"no closing brace");
            assertThat(SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_REASON)).startsWith("malformed JSON");
            assertThat(SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_TOPIC)).isEqualTo(Topics.RAW.name());
        });
        // and searchable, for the Kibana view of the dead letters
        String query = "/sluice-dlq-*/_search?ignore_unavailable=true&allow_no_indices=true&q="
                + java.net.URLEncoder.encode("service.name:\"" + service + "\"", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.get(query).path("hits").path("total").path("value").asLong() == 1);
        JsonNode indexed = elasticsearch.get(query).path("hits").path("hits").get(0).path("_source");
        assertThat(indexed.path("dlq.category").asString()).isEqualTo("malformed_json");
        assertThat(indexed.path("dlq.stage").asString()).isEqualTo("stream-processor/parse");
        assertThat(indexed.path("event.original").asString()).isEqualTo("{\"message\": \"no closing brace");
        assertThat(services.values()).allMatch(ChildProcess::isAlive);
    }

    @Test
    void shouldIndexRecordsAThirdPartyProducerPublishesDirectly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/kcat")),
                "kcat is not installed (apt-get install kcat)");
        String service = "e2e-" + run + "-kcat";
        String lines = "{\"message\":\"from kcat as json\",\"level\":\"warn\"}\n"
                + Instant.now().minusSeconds(60) + " ERROR from kcat as plain text\n";
        // kcat (librdkafka) as a shipper would run it: the shipper user (PLAIN over TLS: Debian's librdkafka 2.0.2
        // cannot complete SCRAM with a Kafka 4 broker), its password in an owner-only config file
        KafkaAccess shipper = platform.kafkaAs(KafkaPrincipal.SHIPPER);
        java.nio.file.Path kcatConfig = java.nio.file.Files.createTempDirectory("kcat").resolve("kcat.conf");
        io.sluice.runtime.secrets.SecretStore.writeOwnerOnly(kcatConfig, String.join("\n", "security.protocol=SASL_SSL",
                "sasl.mechanisms=PLAIN", "sasl.username=" + shipper.username(), "sasl.password=" + shipper.password(),
                "ssl.ca.location=" + shipper.trustedCertificates(), ""));
        Process kcat = new ProcessBuilder("kcat", "-F", kcatConfig.toString(), "-P", "-b", shipper.bootstrapServers(), "-t", Topics.RAW.name(),
                "-k", service, "-H", SluiceHeaders.SERVICE + "=" + service, "-H", SluiceHeaders.HOST + "=kcat-host")
                .redirectErrorStream(true).start();
        kcat.getOutputStream().write(lines.getBytes(StandardCharsets.UTF_8));
        kcat.getOutputStream().close();
        assertThat(kcat.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(kcat.exitValue()).as(new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(elasticsearch.count("logs-" + service + "-*")).isEqualTo(2));
        JsonNode hits = elasticsearch.get("/logs-" + service + "-*/_search?sort=@timestamp").path("hits").path("hits");
        List<String> levels = new ArrayList<>();
        hits.forEach(hit -> {
            levels.add(hit.path("_source").path("log.level").asString());
            assertThat(hit.path("_source").path("host.name").asString()).isEqualTo("kcat-host");
        });
        assertThat(levels).containsExactlyInAnyOrder("WARN", "ERROR");
    }

    @Test
    void shipperKilledMidFileWithRotationsBothWaysShouldDeliverEveryEventOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String service = "e2e-" + run + "-tail";
        java.nio.file.Path log = dir.resolve("app.log");
        LogWriter writer = new LogWriter(log);
        writer.write(400);
        Process shipper = startShipper(dir, service);
        writer.write(600);
        await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.count("logs-" + service + "-*") > 0);
        shipper.destroyForcibly().waitFor();

        java.nio.file.Files.move(log, dir.resolve("app.log.1"));
        writer.write(500);
        shipper = startShipper(dir, service);
        writer.write(300);
        await().atMost(Duration.ofSeconds(60)).until(() -> elasticsearch.count("logs-" + service + "-*") > 1000);
        shipper.destroyForcibly().waitFor();

        writer.write(100);
        java.nio.file.Files.copy(log, dir.resolve("app.log.2"));
        java.nio.file.Files.writeString(log, "");
        writer.write(400);
        shipper = startShipper(dir, service);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(elasticsearch.count("logs-" + service + "-*")).isEqualTo(writer.events()));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> elasticsearch.count("logs-" + service + "-*") == writer.events());
        } finally {
            shipper.destroy();
        }
        JsonNode traces = elasticsearch.get("/logs-" + service + "-*/_search?q=message:boom&size=1")
                .path("hits");
        assertThat(traces.path("total").path("value").asLong()).isEqualTo(writer.stackTraces());
        assertThat(traces.path("hits").get(0).path("_source").path("message").asString())
                .contains("java.lang.IllegalStateException: boom", "\n\tat com.example.Shop.pay(Shop.java:42)",
                        "\nCaused by: java.io.IOException: reset");
    }

    /** Appends numbered events to a log file; every 25th is a three-line Java stack trace. */
    private static final class LogWriter {
        private final java.nio.file.Path file;
        private int events;
        private int stackTraces;

        LogWriter(java.nio.file.Path file) {
            this.file = file;
        }

        void write(int count) throws java.io.IOException {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                int n = events++;
                if (n % 25 == 0) {
                    stackTraces++;
                    text.append("ERROR event ").append(n).append(" java.lang.IllegalStateException: boom\n")
                            .append("\tat com.example.Shop.pay(Shop.java:42)\n")
                            .append("Caused by: java.io.IOException: reset\n");
                } else {
                    text.append("INFO event ").append(n).append('\n');
                }
            }
            java.nio.file.Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }

        int events() {
            return events;
        }

        int stackTraces() {
            return stackTraces;
        }
    }

    private Process startShipper(java.nio.file.Path dir, String service) throws java.io.IOException {
        return new ProcessBuilder(io.sluice.runtime.Classpaths.javaExecutable(), "-cp",
                io.sluice.runtime.Classpaths.recorded(io.sluice.cli.SluiceCli.class, "cli.classpath"), "io.sluice.cli.SluiceCli", "ship",
                dir.resolve("app.log*").toString(), "--service", service, "--profile", "test",
                "--state", dir.resolve("checkpoints.json").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("shipper.out").toFile()).start();
    }

    private List<String> messagesAbout(String service) {
        return slack.received().stream().filter(body -> body.contains(service)).toList();
    }

    private HttpResponse<String> post(String service, String ndjson) throws Exception {
        io.sluice.tokens.IngestAccess ingest = platform.connections().ingest().operator();
        return ingest.httpClient().send(ingest.request("/api/v1/logs?service=" + service).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
