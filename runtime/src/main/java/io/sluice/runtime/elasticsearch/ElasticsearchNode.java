package io.sluice.runtime.elasticsearch;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.runtime.Classpaths;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.process.ProcessTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node, unpacked from the distribution Maven downloaded, configured for loopback only, run as an
 * unprivileged user when we are root, with data kept across restarts: the single node of a platform, or one of the
 * {@link io.sluice.runtime.ClusterShape#elasticsearchNodes()} of a cluster (each master-eligible, transport over TLS
 * with the local CA's certificate).
 */
public final class ElasticsearchNode {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final Duration STARTUP = Duration.ofSeconds(180);

    private final RuntimeSettings settings;
    private final Map<String, String> env;
    private final ElasticsearchLayout layout;
    private final List<String> extraSettings;
    private final LocalElasticsearchIdentities identities;
    private final RuntimeSettings.ElasticsearchNodePorts node;

    public ElasticsearchNode(RuntimeSettings settings, Map<String, String> env) {
        this(settings, env, List.of());
    }

    /** @param extraSettings more {@code elasticsearch.yml} lines, e.g. a test's {@code http.max_content_length: 1mb} */
    public ElasticsearchNode(RuntimeSettings settings, Map<String, String> env, List<String> extraSettings) {
        this(settings, env, extraSettings, settings.elasticsearchNodes().get(0));
    }

    public ElasticsearchNode(RuntimeSettings settings, Map<String, String> env, List<String> extraSettings,
            RuntimeSettings.ElasticsearchNodePorts node) {
        this.settings = settings;
        this.env = env;
        this.node = node;
        this.layout = ElasticsearchLayout.of(settings, Classpaths.elasticsearchZip(), node.name());
        this.extraSettings = List.copyOf(extraSettings);
        this.identities = new LocalElasticsearchIdentities(settings);
    }

    public RuntimeSettings.ElasticsearchNodePorts node() {
        return node;
    }

    /** Starts the node and waits until it is healthy: a single-node platform's start. */
    public ChildProcess start() {
        ChildProcess started = launch();
        awaitReady(started);
        return started;
    }

    /** Waits until the node answers with a yellow or green cluster. */
    public void awaitReady(ChildProcess started) {
        started.awaitReady(this::isReachable, STARTUP, "healthy on " + node.url());
        log.info("Elasticsearch ready on {}", node.url());
    }

    /** Starts the node's process without waiting: the nodes of a cluster start together, none is healthy before a majority runs. */
    public ChildProcess launch() {
        Path jdk = JdkLocator.locate(env);
        try {
            ProcessTree.stopStale(layout.pidFile(), layout.config().toString(), Duration.ofSeconds(30));
            layout.prepare(configYaml(), settings.elasticsearchHeap(), identities.nodeFiles(true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Elasticsearch in " + layout.instance(), e);
        }
        List<String> command = new ArrayList<>(UnprivilegedUser.prefix());
        command.add(layout.distribution().resolve("bin").resolve("elasticsearch").toString());
        Map<String, String> childEnv = Map.of(
                "ES_JAVA_HOME", jdk.toString(),
                "ES_PATH_CONF", layout.config().toString(),
                "HOME", layout.instance().toString());
        return ChildProcess.start(node.name(), command, childEnv, layout.instance(),
                settings.logDir().resolve(node.name() + ".log"), layout.pidFile());
    }

    /** Stops the node of this profile whoever started it (its pid file names it); false when none ran. */
    public boolean stopRunning() {
        try {
            return ProcessTree.stopStale(layout.pidFile(), layout.config().toString(), Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running node's processes (its launcher first, then the server JVM), whoever started it; empty when none runs. */
    public java.util.List<ProcessHandle> processes() {
        try {
            if (!Files.isRegularFile(layout.pidFile())) {
                return java.util.List.of();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(layout.pidFile()).trim()))
                    .filter(ProcessHandle::isAlive)
                    .map(root -> java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants()).toList())
                    .orElse(java.util.List.of());
        } catch (IOException | NumberFormatException e) {
            return java.util.List.of();
        }
    }

    public boolean isReachable() {
        if (!Files.isRegularFile(identities.caCertificate())) {
            return false; // no CA yet, so no node of this data folder has ever started
        }
        return isHealthy(identities.admin().at(node.url()));
    }

    public static boolean isHealthy(ElasticsearchAccess elasticsearch) {
        HttpRequest request = elasticsearch.request("/_cluster/health?wait_for_status=yellow&timeout=2s")
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = elasticsearch.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Node 1 keeps the single node's name, so a single-node platform's data stays its own. */
    private String nodeName(RuntimeSettings.ElasticsearchNodePorts ports) {
        return "sluice-" + settings.profile().folder() + (ports.id() == 1 ? "" : "-" + ports.id());
    }

    /**
     * One node: single-node discovery. A cluster: every node master-eligible and seeded with the others' transport
     * ports, the first election among all of them, and the transport over TLS (which a secured cluster requires) with
     * the same certificate, checked against the local CA.
     */
    private List<String> discovery() {
        List<RuntimeSettings.ElasticsearchNodePorts> nodes = settings.elasticsearchNodes();
        if (nodes.size() == 1) {
            return List.of("discovery.type: single-node");
        }
        return List.of(
                "discovery.seed_hosts: [" + nodes.stream().map(other -> "\"127.0.0.1:" + other.transportPort() + "\"")
                        .collect(java.util.stream.Collectors.joining(", ")) + "]",
                "cluster.initial_master_nodes: [" + nodes.stream().map(other -> "\"" + nodeName(other) + "\"")
                        .collect(java.util.stream.Collectors.joining(", ")) + "]",
                "xpack.security.transport.ssl.enabled: true",
                "xpack.security.transport.ssl.verification_mode: certificate",
                "xpack.security.transport.ssl.certificate: tls/elasticsearch.crt",
                "xpack.security.transport.ssl.key: tls/elasticsearch.key",
                "xpack.security.transport.ssl.certificate_authorities: [\"tls/ca.crt\"]");
    }

    private String configYaml() {
        List<String> lines = new ArrayList<>(List.of(
                "cluster.name: sluice-" + settings.profile().folder(),
                "node.name: " + nodeName(node),
                "path.data: " + layout.instance().resolve("data"),
                "path.logs: " + layout.instance().resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: " + node.httpPort(),
                "transport.port: " + node.transportPort(),
                // secure from the first start: HTTPS with the local CA's certificate, every request authenticated
                // (the administrator in the file realm, each service by its own API key)
                "xpack.security.enabled: true",
                "xpack.security.http.ssl.enabled: true",
                "xpack.security.http.ssl.certificate: tls/elasticsearch.crt",
                "xpack.security.http.ssl.key: tls/elasticsearch.key",
                "xpack.security.authc.api_key.enabled: true",
                // disk watermarks stay on (a full disk must stop writes before it corrupts anything), as free space
                // rather than percentages: a developer's large, fuller disk is not mistaken for a full one
                "cluster.routing.allocation.disk.watermark.low: 300mb",
                "cluster.routing.allocation.disk.watermark.high: 200mb",
                "cluster.routing.allocation.disk.watermark.flood_stage: 100mb",
                "action.destructive_requires_name: false"));
        lines.addAll(discovery());
        lines.addAll(extraSettings);
        lines.add("");
        return String.join("\n", lines);
    }
}
