package io.sluice.runtime.services;

import io.sluice.runtime.Classpaths;
import io.sluice.runtime.Connections;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.process.ProcessTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a service from the runnable jar its module built, pointed at the runtime's Kafka and
 * Elasticsearch, and waits until its actuator health answers UP.
 */
public final class ServiceLauncher {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final RuntimeSettings settings;
    private final Connections connections;

    public ServiceLauncher(RuntimeSettings settings, Connections connections) {
        this.settings = settings;
        this.connections = connections;
    }

    /** Starts the service and waits until it is healthy. */
    public ChildProcess start(Service service, Map<String, String> env, List<String> extraArgs) {
        ChildProcess child = launch(service, env, extraArgs);
        awaitHealthy(service, child);
        return child;
    }

    /**
     * Starts the service without waiting; {@code extraArgs} are Spring properties such as
     * {@code --sluice.alerting.error-threshold=5}. Secrets go in {@code env}, never in arguments,
     * which every user of the machine can read: the service's Kafka credentials travel there too (a
     * caller's {@code env} may replace them, e.g. to start a service as someone else).
     */
    public ChildProcess launch(Service service, Map<String, String> env, List<String> extraArgs) {
        return launch(service, 1, env, extraArgs);
    }

    /**
     * Instance {@code instance} (1-based) of the service: its own ports, state folder, pid file and log
     * ({@code <module>-<n>}), the same connections and credentials as the others.
     */
    public ChildProcess launch(Service service, int instance, Map<String, String> env, List<String> extraArgs) {
        String name = service.instanceName(instance);
        Path pidFile = settings.dataDir().resolve("run").resolve(name + ".pid");
        try {
            ProcessTree.stopStale(pidFile, marker(name), Duration.ofSeconds(20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(Classpaths.javaExecutable(), "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", marker(name),
                "-jar", executableJar(service).toString(),
                "--server.port=" + service.port(settings.profile(), instance),
                "--spring.kafka.bootstrap-servers=" + connections.kafkaBootstrap(),
                "--spring.elasticsearch.uris=" + elasticsearchUris(),
                // every Kafka client of this instance is named after it: ./sluice status tells the instances' partitions apart
                "--spring.kafka.client-id=" + service.kafkaClientId(instance),
                "--sluice.state-dir=" + settings.dataDir().resolve("state").resolve(name)));
        List<String> properties = new ArrayList<>(service.arguments(settings.profile(), instance));
        properties.addAll(extraArgs);
        command.addAll(lastOfEach(properties));
        Map<String, String> environment = new java.util.HashMap<>(connections.kafka().as(service.kafkaPrincipal()).environment());
        if (service == Service.INDEXER) {
            environment.putAll(connections.elasticsearch().as(ElasticsearchPrincipal.INDEXER).environment());
            environment.putAll(new ReplayCredential(settings).serviceEnvironment());
            environment.put("SLUICE_ELASTICSEARCH_AUDIT_RETENTION_AUTHORIZATION",
                    connections.elasticsearch().as(ElasticsearchPrincipal.AUDIT_RETENTION).environment().get("SLUICE_ELASTICSEARCH_AUTHORIZATION"));
            // the scheduled reconciliation reads as its own user: what Kafka accepted, and which ids the log indices hold
            environment.put("SLUICE_VERIFIER_KAFKA_PASSWORD",
                    java.util.Objects.requireNonNullElse(connections.kafka().as(KafkaPrincipal.VERIFIER).password(), ""));
            environment.put("SLUICE_VERIFIER_ELASTICSEARCH_AUTHORIZATION",
                    connections.elasticsearch().as(ElasticsearchPrincipal.VERIFIER).environment().get("SLUICE_ELASTICSEARCH_AUTHORIZATION"));
        }
        if (service == Service.INGEST) {
            environment.putAll(connections.ingest().serviceEnvironment());
        }
        environment.putAll(env);
        return ChildProcess.start(name, command, environment, settings.home(), settings.logDir().resolve(name + ".log"), pidFile);
    }

    /** Every node of the runtime's Elasticsearch, so a client goes on when one dies; another node a test chose as it is. */
    private String elasticsearchUris() {
        boolean runtimesOwn = connections.elasticsearchUrl().equals(settings.elasticsearchUrl());
        return runtimesOwn ? settings.elasticsearchNodes().stream().map(RuntimeSettings.ElasticsearchNodePorts::url)
                .collect(java.util.stream.Collectors.joining(",")) : connections.elasticsearchUrl();
    }

    /**
     * Each {@code --key=value} once, with its last value: a property given twice would reach Spring as
     * "a,b", so a caller's value replaces the launcher's, and a test's replaces its harness's.
     */
    static List<String> lastOfEach(List<String> properties) {
        java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (String property : properties) {
            String key = property.contains("=") ? property.substring(0, property.indexOf('=')) : property;
            byKey.remove(key);
            byKey.put(key, property);
        }
        return List.copyOf(byKey.values());
    }

    /** A system property on the command line that lets a later start recognise a stale process as ours. */
    private String marker(String instanceName) {
        return "-Dsluice.service=" + instanceName + "@" + settings.dataDir();
    }

    public Path executableJar(Service service) {
        Path target = settings.home().resolve(service.module()).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runnable jar in " + target + ": run ./sluice build"));
        } catch (IOException e) {
            throw new IllegalStateException("no build output in " + target + ": run ./sluice build", e);
        }
    }

    public void awaitHealthy(Service service, ChildProcess child) {
        awaitHealthy(service, 1, child);
    }

    public void awaitHealthy(Service service, int instance, ChildProcess child) {
        String healthUrl = service.healthUrl(settings.profile(), instance);
        child.awaitReady(() -> isUp(healthUrl), STARTUP, "healthy at " + healthUrl);
    }

    public static boolean isUp(String healthUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(healthUrl))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
