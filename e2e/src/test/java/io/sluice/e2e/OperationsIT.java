package io.sluice.e2e;

import static io.sluice.testing.PrometheusSamples.scrape;
import static io.sluice.testing.PrometheusSamples.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sluice.json.Json;
import io.sluice.runtime.Classpaths;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.runtime.slack.FakeSlack;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import java.net.URI;
import io.sluice.tokens.IngestAccess;
import io.sluice.topics.SluiceHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator runs day to day, against the four services as {@code ./sluice up} starts them:
 * {@code ./sluice tail} and {@code ./sluice status} as real command-line processes, and every
 * service's Prometheus endpoint. The last test stops the indexer, so it runs last.
 */
@SluiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

    private static final int ERROR_THRESHOLD = 5;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final FakeSlack slack = new FakeSlack();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Service, ChildProcess> services = new EnumMap<>(Service.class);
    private final List<Process> commands = new ArrayList<>();
    private TestPlatform platform;

    @TempDir
    Path dir;

    @BeforeAll
    void startServices(TestPlatform platform) {
        this.platform = platform;
        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()), platform.connections());
        Map<String, String> env = Map.of("SLACK_WEBHOOK_URL", slack.webhookUrl());
        for (Service service : Service.ALL) {
            services.put(service, launcher.launch(service, env, List.of("--sluice.alerting.error-threshold=" + ERROR_THRESHOLD)));
        }
        services.forEach(launcher::awaitHealthy);
    }

    @AfterAll
    void stopServices() {
        commands.forEach(Process::destroyForcibly);
        services.values().forEach(ChildProcess::close);
        slack.close();
    }

    @Test
    @Order(1)
    void tailShouldShowALogSentWithCurlWithinSeconds() throws Exception {
        String service = "ops-" + run + "-tail";
        Path output = dir.resolve("tail.out");
        Process tail = sluice(output, "tail", "--service", service, "--level", "error", "--profile", "test");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(output).contains("following logs.enriched.v1"));

        Instant sent = Instant.now();
        curl(service, "INFO not for this tail " + run + "\nERROR payment declined for order " + run);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.readString(output).contains("payment declined for order " + run));
        System.out.printf("[tail] a line sent with curl was printed by ./sluice tail %d ms later%n",
                Duration.between(sent, Instant.now()).toMillis());

        String printed = Files.readString(output);
        assertThat(printed).contains(service, "ERROR").doesNotContain("not for this tail");
        tail.destroy();

        // ./sluice search finds the same line in Elasticsearch, over HTTPS as the operator's read-only user
        Path found = dir.resolve("search.out");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Process search = sluice(found, "search", "payment declined", "--service", service, "--since", "10m", "--profile", "test");
            assertThat(search.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(search.exitValue()).as(Files.readString(found)).isZero();
            assertThat(Files.readString(found)).contains("payment declined for order " + run);
        });
    }

    @Test
    @Order(2)
    void everyServiceShouldExposeItsCountersForPrometheus() throws Exception {
        String service = "ops-" + run + "-metrics";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ERROR_THRESHOLD * 2; i++) {
            lines.add(Json.MAPPER.writeValueAsString(Map.of("@timestamp", Instant.now().toString(), "level", "ERROR",
                    "message", "card processor timeout #" + i)));
        }
        lines.add("{\"message\": \"poison, never closed");
        lines.add("{\"a\":".repeat(30) + "1" + "}".repeat(30)); // nested deeper than ingest's limit: refused to the sender
        assertThat(post(service, String.join("\n", lines)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> slack.received().stream().anyMatch(body -> body.contains(service)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String ingest = scrape(Service.INGEST);
            assertThat(value(ingest, "sluice_events_in_total", "stage", "ingest")).isGreaterThanOrEqualTo(11);
            assertThat(value(ingest, "sluice_events_out_total", "stage", "ingest", "outcome", "published")).isGreaterThanOrEqualTo(11);
            assertThat(value(ingest, "sluice_events_refused_total", "stage", "ingest", "reason", "too_deep")).isGreaterThanOrEqualTo(1);

            String processor = scrape(Service.STREAM_PROCESSOR);
            assertThat(value(processor, "sluice_events_in_total", "stage", "processor")).isGreaterThanOrEqualTo(11);
            assertThat(value(processor, "sluice_events_out_total", "stage", "processor", "outcome", "enriched")).isGreaterThanOrEqualTo(10);
            assertThat(value(processor, "sluice_dlq_records_total", "stage", "processor", "reason", "malformed_json")).isGreaterThanOrEqualTo(1);
            assertThat(value(processor, "sluice_consumer_lag_records", "stage", "processor")).isGreaterThanOrEqualTo(0);

            String indexer = scrape(Service.INDEXER);
            assertThat(value(indexer, "sluice_events_in_total", "stage", "indexer")).isGreaterThanOrEqualTo(10);
            assertThat(value(indexer, "sluice_events_out_total", "stage", "indexer", "outcome", "indexed")).isGreaterThanOrEqualTo(10);
            assertThat(value(indexer, "sluice_indexer_bulk_latency_seconds_count")).isGreaterThanOrEqualTo(1);
            assertThat(value(indexer, "sluice_indexer_bulk_documents_sum")).isGreaterThanOrEqualTo(10);
            assertThat(value(indexer, "sluice_indexer_bulk_size_bytes_sum")).isGreaterThan(0);
            assertThat(value(indexer, "sluice_retries_total", "stage", "indexer", "cause", "bulk_item")).isGreaterThanOrEqualTo(0);
            assertThat(value(indexer, "sluice_consumer_lag_records", "stage", "indexer")).isGreaterThanOrEqualTo(0);

            String alerting = scrape(Service.ALERTING);
            assertThat(value(alerting, "sluice_events_in_total", "stage", "alerting")).isGreaterThanOrEqualTo(10);
            assertThat(value(alerting, "sluice_alerts_fired_total", "state", "firing")).isGreaterThanOrEqualTo(1);
            assertThat(value(alerting, "sluice_alerts_deliveries_total", "outcome", "delivered")).isGreaterThanOrEqualTo(1);
            assertThat(value(alerting, "sluice_consumer_lag_records", "stage", "alerting")).isGreaterThanOrEqualTo(0);
            assertThat(value(alerting, "sluice_consumer_lag_records", "stage", "alert-delivery")).isGreaterThanOrEqualTo(0);
        });
    }

    @Test
    @Order(3)
    void everyServiceShouldAnswerItsLivenessAndReadinessProbes() throws Exception {
        for (Service service : Service.ALL) {
            for (String probe : List.of("liveness", "readiness")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(service.managementUrl(Profile.TEST) + "/actuator/health/" + probe)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(service + " " + probe + ": " + response.body()).isEqualTo(200);
                assertThat(response.body()).contains("\"status\":\"UP\"");
            }
        }
        for (Service streams : List.of(Service.STREAM_PROCESSOR, Service.ALERTING)) {
            HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                    URI.create(streams.managementUrl(Profile.TEST) + "/actuator/health/readiness")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.body()).as("readiness of " + streams + " follows its Kafka Streams instance").contains("\"streams\"");
        }
    }

    @Test
    @Order(3)
    void everyServiceShouldServeItsActuatorOnlyOnItsManagementPortAndEveryPortOnlyOnLoopback() throws Exception {
        java.util.Optional<java.net.InetAddress> external = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().filter(network -> !hasLoopback(network)).flatMap(network -> java.util.Collections.list(network.getInetAddresses()).stream())
                .filter(address -> address instanceof java.net.Inet4Address).findFirst();
        for (Service service : Service.ALL) {
            HttpResponse<String> onDataPort = platform.connections().ingest().operator().httpClient().send(HttpRequest.newBuilder(
                    URI.create(service.url(Profile.TEST) + "/actuator/health"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(onDataPort.statusCode()).as(service + ": no actuator on the port that serves data").isEqualTo(404);
        }
        // from the machine's own network address nothing answers: neither the services' ports nor Kafka's or Elasticsearch's
        RuntimeSettings settings = RuntimeSettings.of(Profile.TEST, System.getenv());
        List<Integer> ports = new ArrayList<>(List.of(settings.kafkaPort(), settings.kafkaBrokerPort(), settings.kafkaControllerPort(),
                settings.elasticsearchPort(), Service.syslogPort(Profile.TEST), Service.syslogTlsPort(Profile.TEST)));
        Service.ALL.forEach(service -> ports.addAll(List.of(service.port(Profile.TEST), service.managementPort(Profile.TEST))));
        System.out.printf("[listen] %d ports tried from %s%n", ports.size(), external.map(Object::toString)
                .orElse("nowhere: this machine has no network address but loopback"));
        external.ifPresent(address -> ports.forEach(port -> assertThatThrownBy(() -> {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(address, port), 2_000);
            }
        }).as("port %d from %s", port, address).isInstanceOf(java.io.IOException.class)));
        ports.forEach(port -> assertThat(answersOnLoopback(port)).as("port %d on loopback", port).isTrue());
    }

    @Test
    @Order(3)
    void replayShouldAnswerOnlyTheOperatorsCredential() throws Exception {
        URI replay = URI.create(Service.INDEXER.url(Profile.TEST) + "/api/v1/replay?from=" + Instant.now().minusSeconds(60)
                + "&to=" + Instant.now() + "&service=ops-" + run + "-replay");
        for (String authorization : List.of("", "Bearer " + platform.connections().ingest().operator().token(), "Bearer wrong")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(replay).POST(HttpRequest.BodyPublishers.noBody());
            if (!authorization.isEmpty()) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> refused = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("replay with '%s'", authorization.isEmpty() ? "no credential" : "another credential")
                    .isEqualTo(401);
        }

        Path output = dir.resolve("replay.out");
        Process command = sluice(output, "replay", "--from", "1m", "--service", "ops-" + run + "-replay", "--profile", "test");
        assertThat(command.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(command.exitValue()).as(Files.readString(output)).isZero();
        assertThat(Files.readString(output)).contains("\"indexed\"");
    }

    private static boolean answersOnLoopback(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 2_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    @Order(3)
    void searchShouldAnswerFieldQueriesCountsHistogramsStatisticsTracesAndContracts() throws Exception {
        String edge = "ops-" + run + "-edge";
        String orders = "ops-" + run + "-orders";
        String trace = "req-" + run;
        String pay = "ops-" + run + "-pay";
        // orders logs its request id as correlationId; pay declares a typed field and a contract — both applied without a restart
        Command declared = command("catalog", "set", orders, "--file", Files.writeString(dir.resolve("orders.json"),
                "{\"team\":\"shop\",\"trace_id_fields\":[\"correlationId\"]}").toString());
        assertThat(declared.exit()).as(declared.output()).isZero();
        Command contract = command("catalog", "set", pay, "--file", Files.writeString(dir.resolve("pay.json"),
                "{\"fields\":{\"latency_ms\":\"long\",\"client\":\"ip\"},\"required\":[\"order_id\"],\"enforce\":\"dead-letter\"}").toString());
        assertThat(contract.output()).contains("catalog entry of " + pay + " published: 2 typed fields, 1 required, enforce dead-letter");
        Command refused = command("catalog", "set", pay, "--file", Files.writeString(dir.resolve("bad.json"),
                "{\"fields\":{\"latency_ms\":\"number\"}}").toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.output()).contains("type 'number' is one of keyword, long, double, ip");
        Elasticsearch elasticsearch = new Elasticsearch(platform.elasticsearch());
        // the catalog is one partition, read in order: once pay's entry applies, orders' does too
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            post(pay, "{\"message\":\"probe\",\"order_id\":\"probe\",\"latency_ms\":1}");
            assertThat(elasticsearch.count("logs-" + pay + "-*", "numeric_labels.latency_ms:1")).isPositive();
        });
        Instant start = Instant.now().minusSeconds(30);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(Json.MAPPER.writeValueAsString(Map.of("@timestamp", start.plusMillis(i * 100L).toString(),
                    "message", "GET /orders/" + i, "http.response.status_code", i % 5 == 0 ? 503 : 200,
                    "event.duration", (i + 1) * 1_000_000L, "trace.id", i == 0 ? trace : "other-" + i)));
        }
        assertThat(post(edge, String.join("\n", lines)).statusCode()).isEqualTo(200);
        assertThat(post(orders, String.join("\n",
                "{\"@timestamp\":\"" + start.plusMillis(12) + "\",\"message\":\"order accepted\",\"correlationId\":\"" + trace + "\"}",
                "{\"@timestamp\":\"" + start.plusMillis(340) + "\",\"level\":\"error\",\"message\":\"payment declined\",\"correlationId\":\"" + trace + "\"}"))
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                elasticsearch.count("logs-" + edge + "-*") == 50 && elasticsearch.count("logs-" + orders + "-*", "trace.id:" + trace) == 2);

        Command failing = command("search", "service.name:" + edge + " AND http.response.status_code:>=500", "--since", "1h", "--json");
        assertThat(failing.exit()).as(failing.output()).isZero();
        assertThat(failing.output().lines().map(Json.MAPPER::readTree).map(event -> event.path("http.response.status_code").asInt()))
                .hasSize(10).containsOnly(503);

        Command counts = command("search", "--count-by", "http.response.status_code", "--service", edge, "--since", "1h", "--json");
        assertThat(Json.MAPPER.readTree(counts.output()).path("values").toString())
                .isEqualTo("[{\"value\":\"200\",\"count\":40},{\"value\":\"503\",\"count\":10}]");

        Command stats = command("search", "--stats", "event.duration", "--service", edge, "--since", "1h", "--json");
        tools.jackson.databind.JsonNode numbers = Json.MAPPER.readTree(stats.output());
        assertThat(numbers.path("count").asLong()).isEqualTo(50);
        assertThat(numbers.path("min").asLong()).isEqualTo(1_000_000);
        assertThat(numbers.path("max").asLong()).isEqualTo(50_000_000);
        assertThat(numbers.path("mean").asDouble()).isEqualTo(25_500_000.0);
        assertThat(numbers.path("p50").asDouble()).isBetween(25_000_000.0, 26_000_000.0);
        assertThat(numbers.path("p99").asDouble()).isBetween(49_000_000.0, 50_000_000.0);
        Command statsText = command("search", "--stats", "event.duration", "--service", edge, "--since", "1h");
        assertThat(statsText.output()).contains("event.duration over 50 matching logs", "max", "50000000  (50 ms)");

        Command histogram = command("search", "--histogram", "1m", "--service", edge, "--since", "10m", "--json");
        tools.jackson.databind.JsonNode buckets = Json.MAPPER.readTree(histogram.output()).path("buckets");
        assertThat(buckets.size()).isBetween(10, 11);
        long total = 0;
        for (tools.jackson.databind.JsonNode bucket : buckets) {
            total += bucket.path("count").asLong();
        }
        assertThat(total).isEqualTo(50);
        assertThat(command("search", "--histogram", "1m", "--service", edge, "--since", "10m").output()).contains("█", "50 matching logs, 60s per bar");

        Command bad = command("search", "http.response.status_code:>= AND (", "--since", "1h");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.output()).contains("sluice search: Elasticsearch refused the query: ").doesNotContain("\tat ", "Exception:");

        Command traced = command("trace", trace, "--since", "1h");
        assertThat(traced.exit()).as(traced.output()).isZero();
        List<String> traceLines = traced.output().lines().toList();
        assertThat(traceLines.get(0)).startsWith("trace " + trace + ": 3 events, 2 services (" + edge + ", " + orders + "), 0.340s");
        assertThat(traceLines.get(1)).contains("+0.000s", edge, "GET /orders/0");
        assertThat(traceLines.get(2)).contains("+0.012s", orders, "order accepted");
        assertThat(traceLines.get(3)).contains("+0.340s", orders, "ERROR", "payment declined");
        assertThat(command("trace", "no-such-" + run, "--since", "1h").exit()).isEqualTo(1);

        assertThat(post(pay, String.join("\n",
                "{\"message\":\"paid\",\"order_id\":\"o-1\",\"latency_ms\":87,\"client\":\"10.2.0.7\"}",
                "{\"message\":\"paid\",\"order_id\":\"o-2\",\"latency_ms\":\"113\",\"client\":\"10.2.0.8\"}",
                "{\"message\":\"no order\",\"latency_ms\":5}",
                "{\"message\":\"slow\",\"order_id\":\"o-4\",\"latency_ms\":\"fast\"}")).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> elasticsearch.count("logs-" + pay + "-*", "labels.order_id:o-*") == 2);
        List<ConsumerRecord<String, byte[]>> broken = TopicRecords.read(platform.kafka(), io.sluice.topics.Topics.DLQ.name(),
                record -> pay.equals(record.key()), 2, Duration.ofSeconds(30));
        assertThat(broken).extracting(record -> SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_REASON))
                .containsExactlyInAnyOrder("schema: missing order_id", "schema: latency_ms is not a long: 'fast'");
        Command latency = command("search", "labels.order_id:o-*", "--stats", "numeric_labels.latency_ms", "--service", pay,
                "--since", "1h", "--json");
        assertThat(Json.MAPPER.readTree(latency.output()).path("max").asLong()).isEqualTo(113);
        assertThat(Json.MAPPER.readTree(latency.output()).path("count").asLong()).isEqualTo(2);
        Command clients = command("search", "ip_labels.client:\"10.2.0.0/24\"", "--service", pay, "--since", "1h", "--json");
        assertThat(clients.output().lines()).hasSize(2);

        // did we lose anything? every record Kafka accepted is indexed or dead-lettered
        Command verified = command("verify", "--service", edge, "--since", "10m", "--settle", "0s");
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("balanced: 50 records accepted", "every one indexed (50), dead-lettered (0)");
        Command payVerified = command("verify", "--service", pay, "--since", "10m", "--settle", "0s", "--json");
        assertThat(payVerified.exit()).as(payVerified.output()).isZero();
        tools.jackson.databind.JsonNode accounted = Json.MAPPER.readTree(payVerified.output());
        assertThat(accounted.path("balanced").asBoolean()).isTrue();
        long deadLettered = 0;
        for (tools.jackson.databind.JsonNode hour : accounted.path("hours")) {
            deadLettered += hour.path("dead_lettered").asLong();
        }
        assertThat(deadLettered).isEqualTo(2);
        assertThat(accounted.path("accepted").asLong()).isGreaterThanOrEqualTo(5);
    }

    private record Command(int exit, String output) {
    }

    /** {@code ./sluice ARGS --profile test}, run to its end. */
    private Command command(String... arguments) throws Exception {
        Path output = dir.resolve("command-" + System.nanoTime() + ".out");
        List<String> words = new ArrayList<>(List.of(arguments));
        words.addAll(List.of("--profile", "test"));
        Process process = sluice(output, words.toArray(String[]::new));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Command(process.exitValue(), Files.readString(output));
    }

    @Test
    @Order(10)
    void noSecretShouldShowInALogFileAProcessListOrTheActuator() throws Exception {
        // a Slack webhook URL is a credential: its path is the secret (the default route's, and the route
        // that SlackRouteOutageIT points at a host that does not resolve, whose errors are the likeliest leak)
        List<String> secrets = new java.util.ArrayList<>(List.of(URI.create(slack.webhookUrl()).getPath(), "/services/T0/B0/x"));
        assertThat(slack.attempts()).as("this run's alerting used its webhook").isPositive();
        // every Kafka user's password: each service logged in with its own during this run
        for (io.sluice.runtime.kafka.KafkaPrincipal principal : io.sluice.runtime.kafka.KafkaPrincipal.values()) {
            secrets.add(platform.kafkaAs(principal).password());
        }
        // Elasticsearch: each user's password, and the Authorization header that carries it
        for (io.sluice.runtime.elasticsearch.ElasticsearchPrincipal principal : io.sluice.runtime.elasticsearch.ElasticsearchPrincipal.values()) {
            String authorization = platform.elasticsearchAs(principal).authorization();
            secrets.add(authorization.substring(authorization.indexOf(' ') + 1));
            String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(authorization.indexOf(' ') + 1)),
                    StandardCharsets.UTF_8);
            secrets.add(decoded.substring(decoded.indexOf(':') + 1));
        }
        // ingest: the operator's token and every token in use; the replay operator's token
        secrets.add(platform.connections().ingest().operator().token());
        secrets.add(new io.sluice.runtime.services.ReplayCredential(RuntimeSettings.of(Profile.TEST, System.getenv())).token());
        Map<String, String> places = new java.util.LinkedHashMap<>();
        try (java.util.stream.Stream<Path> logs = Files.list(RuntimeSettings.of(Profile.TEST, System.getenv()).logDir())) {
            for (Path log : logs.toList()) {
                places.put(log.toString(), Files.readString(log, StandardCharsets.ISO_8859_1));
            }
        }
        places.put("ps -eo args", new String(new ProcessBuilder("ps", "-eo", "args").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
        for (Service service : Service.ALL) {
            for (String endpoint : List.of("health", "info", "prometheus", "metrics")) {
                try {
                    places.put(service + " /actuator/" + endpoint, http.send(HttpRequest.newBuilder(URI.create(
                            service.managementUrl(Profile.TEST) + "/actuator/" + endpoint)).GET().build(), HttpResponse.BodyHandlers.ofString())
                            .body());
                } catch (java.io.IOException stopped) {
                    // a service an earlier test stopped has no actuator to read
                }
            }
        }
        assertThat(places).containsKeys("ps -eo args").hasSizeGreaterThan(10);
        assertThat(places.keySet()).anyMatch(place -> place.endsWith("alerting.log"));
        places.forEach((place, text) -> secrets.forEach(secret -> assertThat(text).as("%s shows %s", place, secret).doesNotContain(secret)));
    }

    private static boolean hasLoopback(java.net.NetworkInterface network) {
        try {
            return network.isLoopback();
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Test
    @Order(4)
    void statusShouldReflectAPoisonRecordAndAStoppedIndexer() throws Exception {
        String service = "ops-" + run + "-status";
        assertThat(post(service, "{\"message\": \"poison for status").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> status("1s").contains("stream-processor/parse malformed_json"));
        // ./sluice dlq shows it too, read as the operator (who may read the topic, and has no consumer group of its own)
        Path deadLetters = dir.resolve("dlq.out");
        Process dlq = sluice(deadLetters, "dlq", "--limit", "1000", "--profile", "test");
        assertThat(dlq.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dlq.exitValue()).as(Files.readString(deadLetters)).isZero();
        assertThat(Files.readString(deadLetters)).contains("poison for status");
        // caught up means 0, not 1 per partition: the indexer commits past the processor's transaction markers
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(line(status("1s"), "indexer")).contains("UP", " 0 (caught up)"));

        services.get(Service.INDEXER).close();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread traffic = new Thread(() -> {
            for (int batch = 0; sending.get(); batch++) {
                try {
                    post(service, "INFO while the indexer is down " + batch + "\nINFO and another " + batch);
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        }, "status-traffic");
        traffic.start();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String stopped = status("2s");
                System.out.println("[status] with the indexer stopped:\n" + stopped);
                Matcher lag = Pattern.compile("^indexer\\s+unreachable\\s+\\S+\\s+(\\d+) \\(growing, \\+(\\d+)\\)", Pattern.MULTILINE)
                        .matcher(stopped);
                assertThat(lag.find()).as(stopped).isTrue();
                assertThat(Long.parseLong(lag.group(1))).isPositive();
                assertThat(line(stopped, "ingest")).contains("UP");
                assertThat(line(stopped, "Dead letters")).contains("stream-processor/parse malformed_json");
                // the alert of the metrics test, or a later decision (its resolution, say) of this or an earlier test
                assertThat(line(stopped, "Last alert")).containsPattern("(FIRING|REMINDER|RESOLVED) Errors \\S+: \\d+ \\(threshold \\d+\\) decided ");
            });
        } finally {
            sending.set(false);
            traffic.join();
        }
        // with the indexer stopped, verify names what Kafka accepted and Elasticsearch does not have
        Command verify = command("verify", "--service", service, "--since", "10m", "--settle", "0s", "--json");
        assertThat(verify.exit()).as(verify.output()).isEqualTo(1);
        tools.jackson.databind.JsonNode unbalanced = Json.MAPPER.readTree(verify.output());
        assertThat(unbalanced.path("balanced").asBoolean()).isFalse();
        assertThat(unbalanced.path("accepted").asLong()).isGreaterThan(2);
        assertThat(unbalanced.path("missing").asLong()).isEqualTo(unbalanced.path("accepted").asLong() - 1); // all but the poison line
        List<String> sample = new ArrayList<>();
        unbalanced.path("hours").forEach(hour -> hour.path("missing_sample").forEach(offset -> sample.add(offset.asString())));
        assertThat(sample).isNotEmpty().allMatch(offset -> offset.matches("logs\\.raw\\.v1-\\d+@\\d+"));
        assertThat(command("verify", "--service", service, "--since", "10m", "--settle", "0s").output())
                .contains("NOT balanced: ", "  " + service + " ");
    }

    @Test
    @Order(5)
    void ingestStoppedWithSigtermShouldAnswerTheRequestsInFlightAndLoseNoAcknowledgedLine() throws Exception {
        String service = "ops-" + run + "-sigterm";
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicLong answeredAfterSigterm = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong sigtermAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        Map<String, java.util.concurrent.atomic.AtomicLong> failures = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Thread> senders = new ArrayList<>();
        for (int sender = 0; sender < 6; sender++) {
            int id = sender;
            Thread thread = new Thread(() -> {
                HttpClient client = platform.connections().ingest().operator().httpClient();
                for (int request = 0; sending.get(); request++) {
                    List<String> ids = new ArrayList<>();
                    StringBuilder body = new StringBuilder();
                    for (int line = 0; line < 200; line++) {
                        String eventId = service + "-" + id + "-" + request + "-" + line;
                        ids.add(eventId);
                        body.append("{\"event.id\":\"").append(eventId).append("\",\"message\":\"line ").append(line).append("\"}\n");
                    }
                    try {
                        HttpResponse<String> response = client.send(platform.connections().ingest().operator()
                                .request("/api/v1/logs?service=" + service)
                                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            acknowledged.addAll(ids);
                            if (System.nanoTime() > sigtermAt.get()) {
                                answeredAfterSigterm.incrementAndGet();
                            }
                        } else {
                            failures.computeIfAbsent("HTTP " + response.statusCode(), key -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        failures.computeIfAbsent(e.getClass().getSimpleName(), key -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
                        if (sigtermAt.get() != Long.MAX_VALUE) {
                            return;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "sigterm-sender-" + sender);
            thread.start();
            senders.add(thread);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20_000);
        sigtermAt.set(System.nanoTime());
        services.get(Service.INGEST).close(); // SIGTERM, then up to 30 s for a clean exit
        sending.set(false);
        for (Thread sender : senders) {
            sender.join(30_000);
        }
        System.out.printf("[sigterm] ingest stopped under load: %d lines acknowledged, %d requests answered 200 after SIGTERM, failures %s%n",
                acknowledged.size(), answeredAfterSigterm.get(), failures);

        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records = io.sluice.runtime.kafka.TopicRecords.read(
                platform.kafka(), io.sluice.topics.Topics.RAW.name(), record -> service.equals(record.key()),
                acknowledged.size(), Duration.ofSeconds(60));
        java.util.Set<String> inKafka = new java.util.HashSet<>();
        records.forEach(record -> inKafka.add(io.sluice.topics.SluiceHeaders.text(record.headers(), io.sluice.topics.SluiceHeaders.EVENT_ID)));
        assertThat(inKafka).containsAll(acknowledged);
        assertThat(answeredAfterSigterm.get()).as("requests in flight at SIGTERM were still answered").isPositive();
    }

    private String status(String sample) throws Exception {
        Path output = dir.resolve("status-" + System.nanoTime() + ".out");
        Process status = sluice(output, "status", "--profile", "test",
                "--sample", sample);
        assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(output);
        assertThat(status.exitValue()).as(printed).isZero();
        return printed;
    }

    private Process sluice(Path output, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Classpaths.javaExecutable(), "-cp", Classpaths.recorded(io.sluice.cli.SluiceCli.class, "cli.classpath"),
                "io.sluice.cli.SluiceCli"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        commands.add(process);
        return process;
    }

    /** As the banner of ./sluice up shows it: HTTPS trusting the CA, the token in a header (from a file here, off the command line). */
    private void curl(String service, String body) throws Exception {
        IngestAccess ingest = platform.connections().ingest().operator();
        Path header = dir.resolve("authorization-" + System.nanoTime());
        Files.writeString(header, "Authorization: " + ingest.authorization() + "\n");
        Process curl = new ProcessBuilder("curl", "-sS", "--fail", "--cacert", ingest.trustedCertificates().toString(), "-H", "@" + header,
                "-H", "Content-Type: text/plain", "--data-binary", body,
                ingest.url() + "/api/v1/logs?service=" + service).redirectErrorStream(true).start();
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(curl.exitValue()).as(new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }

    private HttpResponse<String> post(String service, String ndjson) throws Exception {
        IngestAccess ingest = platform.connections().ingest().operator();
        return ingest.httpClient().send(ingest.request("/api/v1/logs?service=" + service).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String line(String text, String start) {
        return text.lines().filter(line -> line.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in\n" + text));
    }
}
