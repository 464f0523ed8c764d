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
 * A real single-node Elasticsearch, unpacked from the distribution Maven downloaded, configured for
 * loopback only, run as an unprivileged user when we are root, with data kept across restarts.
 */
public final class ElasticsearchNode {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final Duration STARTUP = Duration.ofSeconds(180);

    private final RuntimeSettings settings;
    private final Map<String, String> env;
    private final ElasticsearchLayout layout;
    private final List<String> extraSettings;
    private final LocalElasticsearchIdentities identities;

    public ElasticsearchNode(RuntimeSettings settings, Map<String, String> env) {
        this(settings, env, List.of());
    }

    /** @param extraSettings more {@code elasticsearch.yml} lines, e.g. a test's {@code http.max_content_length: 1mb} */
    public ElasticsearchNode(RuntimeSettings settings, Map<String, String> env, List<String> extraSettings) {
        this.settings = settings;
        this.env = env;
        this.layout = ElasticsearchLayout.of(settings, Classpaths.elasticsearchZip());
        this.extraSettings = List.copyOf(extraSettings);
        this.identities = new LocalElasticsearchIdentities(settings);
    }

    public ChildProcess start() {
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
        ChildProcess node = ChildProcess.start("elasticsearch", command, childEnv, layout.instance(),
                settings.logDir().resolve("elasticsearch.log"), layout.pidFile());
        node.awaitReady(this::isReachable, STARTUP, "healthy on " + settings.elasticsearchUrl());
        log.info("Elasticsearch ready on {}", settings.elasticsearchUrl());
        return node;
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
        return isHealthy(identities.admin());
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

    private String configYaml() {
        List<String> lines = new ArrayList<>(List.of(
                "cluster.name: sluice-" + settings.profile().folder(),
                "node.name: sluice-" + settings.profile().folder(),
                "path.data: " + layout.instance().resolve("data"),
                "path.logs: " + layout.instance().resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: " + settings.elasticsearchPort(),
                "transport.port: " + settings.elasticsearchTransportPort(),
                "discovery.type: single-node",
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
        lines.addAll(extraSettings);
        lines.add("");
        return String.join("\n", lines);
    }
}
