package io.sluice.e2e.chaos;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.json.Json;
import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.Classpaths;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.SluiceHome;
import io.sluice.runtime.elasticsearch.LocalElasticsearchIdentities;
import io.sluice.runtime.kafka.LocalKafkaIdentities;
import io.sluice.runtime.process.ServiceStates;
import io.sluice.runtime.services.Service;
import io.sluice.tokens.IngestAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The whole replicated platform as a person starts it — {@code ./sluice up --cluster} (3 Kafka nodes, 3 Elasticsearch
 * nodes, 2 instances of each service, all supervised) — on the chaos profile's ports and data folder, run as its own
 * process from the CLI's classpath exactly as the {@code ./sluice} script runs it. Stopped with SIGTERM, as Ctrl-C would.
 */
final class ChaosCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Process up;
    private final Path console;
    private final RuntimeSettings settings;
    private final String classpath;

    private ChaosCluster(Process up, Path console, RuntimeSettings settings, String classpath) {
        this.up = up;
        this.console = console;
        this.settings = settings;
        this.classpath = classpath;
    }

    /** Starts {@code up --cluster --profile chaos}, alerts going to {@code slackWebhook}, and waits until it serves. */
    static ChaosCluster start(String slackWebhook) throws IOException, InterruptedException {
        Path home = SluiceHome.locate();
        Path classes = home.resolve("cli").resolve("target").resolve("classes");
        String classpath = classes + ":" + Files.readString(classes.resolve("io/sluice/cli/cli.classpath")).trim();
        Path console = home.resolve("e2e").resolve("target").resolve("chaos-up.log");
        Files.createDirectories(console.getParent());
        ProcessBuilder builder = new ProcessBuilder(Classpaths.javaExecutable(), "-cp", classpath, "io.sluice.cli.SluiceCli",
                "up", "--cluster", "--profile", "chaos")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("SLACK_WEBHOOK_URL", slackWebhook);
        builder.environment().put("SLUICE_ES_HEAP", "512m");
        Process up = builder.start();
        RuntimeSettings settings = RuntimeSettings.of(Profile.CHAOS, Map.of());
        Path endpoints = settings.dataDir().resolve("endpoints.json");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!servedBy(endpoints, up.pid())) {
            if (!up.isAlive() || Instant.now().isAfter(deadline)) {
                up.destroy();
                throw new IllegalStateException("./sluice up --cluster did not start within " + START_TIMEOUT + ":\n" + tail(console, 40));
            }
            Thread.sleep(1_000);
        }
        return new ChaosCluster(up, console, RuntimeSettings.of(Profile.CHAOS, Map.of()), classpath);
    }

    private static boolean servedBy(Path endpoints, long pid) {
        try {
            return Files.isRegularFile(endpoints) && Json.MAPPER.readTree(Files.readString(endpoints)).path("pid").asLong() == pid;
        } catch (IOException | RuntimeException e) {
            return false; // being written
        }
    }

    RuntimeSettings settings() {
        return settings;
    }

    /** The operator's access to ingest instance {@code n} (1-based). */
    IngestAccess ingest(int instance) {
        IngestAccess first = Connections.of(settings).ingest().operator();
        return first.at("https://localhost:" + Service.INGEST.port(Profile.CHAOS, instance));
    }

    KafkaAccess kafkaAdmin() {
        return new LocalKafkaIdentities(settings).admin();
    }

    /** The administrator at Elasticsearch node {@code id} (1-based): ask one that is up. */
    ElasticsearchAccess elasticsearchAdmin(int id) {
        return new LocalElasticsearchIdentities(settings).admin().at(settings.elasticsearchNodes().get(id - 1).url());
    }

    /** The supervisor's view: every process by name ({@code kafka-2}, {@code indexer}, ...) with its current pid and state. */
    Map<String, ServiceStates.State> processes() {
        ServiceStates states = ServiceStates.read(settings.dataDir())
                .orElseThrow(() -> new IllegalStateException("the chaos cluster's supervisor is not running"));
        Map<String, ServiceStates.State> byName = new java.util.LinkedHashMap<>();
        states.services().forEach(state -> byName.put(state.name(), state));
        return byName;
    }

    /** {@code kill -9} of a process and everything it started (Elasticsearch's launcher and its server JVM): a machine losing it. */
    long kill(String name) {
        ServiceStates.State state = processes().get(name);
        ProcessHandle root = ProcessHandle.of(state.pid()).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        return state.pid();
    }

    /** SIGTERM, as an operator's {@code systemctl restart} begins: the process shuts down cleanly; the supervisor starts it again. */
    long terminate(String name) {
        ServiceStates.State state = processes().get(name);
        ProcessHandle.of(state.pid()).ifPresent(ProcessHandle::destroy);
        return state.pid();
    }

    /** True once the supervisor runs {@code name} again in a process other than {@code oldPid}. */
    boolean restarted(String name, long oldPid) {
        ServiceStates.State state = processes().get(name);
        return state.pid() != oldPid && "running".equals(state.state()) && ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** {@code up} and every process it runs now, with what they started (Elasticsearch's server JVMs). */
    List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>(up.descendants().toList());
        tree.add(up.toHandle());
        return tree;
    }

    /** What {@code ./sluice status --profile chaos --json} prints now. */
    JsonNode status() throws IOException, InterruptedException {
        Process status = new ProcessBuilder(Classpaths.javaExecutable(), "-cp", classpath, "io.sluice.cli.SluiceCli", "status",
                "--profile", "chaos", "--json", "--sample", "1s").directory(settings.home().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String printed = new String(status.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!status.waitFor(2, TimeUnit.MINUTES) || status.exitValue() > 1) {
            throw new IllegalStateException("./sluice status failed: " + printed);
        }
        return Json.MAPPER.readTree(printed);
    }

    String consoleTail(int lines) {
        return tail(console, lines);
    }

    JsonNode endpoints() throws IOException {
        return Json.MAPPER.readTree(Files.readString(settings.dataDir().resolve("endpoints.json")));
    }

    /** SIGTERM to {@code up}, which stops everything it started; waits for it. */
    @Override
    public void close() throws InterruptedException {
        up.destroy();
        if (!up.waitFor(3, TimeUnit.MINUTES)) {
            up.destroyForcibly();
        }
    }

    private static String tail(Path file, int lines) {
        try (Stream<String> all = Files.lines(file)) {
            List<String> kept = all.toList();
            return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }
}
