package io.sluice.cli;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import io.sluice.runtime.elasticsearch.LocalElasticsearchIdentities;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who a command is to Elasticsearch. On the machine that runs the platform, the operator's read-only API key
 * from the data folder of {@code --profile}, at the first node of the platform that answers. For a node elsewhere, {@code --es URL} with
 * {@code SLUICE_ELASTICSEARCH_API_KEY} (and {@code SLUICE_ELASTICSEARCH_CA_FILE}) in the environment — a key
 * never goes on a command line.
 */
final class CommandElasticsearch {

    private CommandElasticsearch() {
    }

    static ElasticsearchAccess as(CliArgs args, ElasticsearchPrincipal principal) {
        return as(args, principal, System.getenv());
    }

    static ElasticsearchAccess as(CliArgs args, ElasticsearchPrincipal principal, Map<String, String> env) {
        RuntimeSettings settings = RuntimeSettings.of(args.profile(), env);
        LocalElasticsearchIdentities local = new LocalElasticsearchIdentities(settings);
        String url = args.option("es", null);
        if (url == null) {
            url = settings.elasticsearchNodes().size() > 1 ? firstListening(settings)
                    : EndpointsFile.read(settings).map(EndpointsFile::elasticsearchUrl).orElse(settings.elasticsearchUrl());
        }
        String key = env.get("SLUICE_ELASTICSEARCH_API_KEY");
        if (key != null && !key.isBlank()) {
            return ElasticsearchAccess.apiKey(url, principal.principalName(), key,
                    Path.of(env.getOrDefault("SLUICE_ELASTICSEARCH_CA_FILE", local.caCertificate().toString())));
        }
        ElasticsearchAccess own = local.as(principal);
        return new ElasticsearchAccess(url, own.principal(), own.authorization(), own.trustedCertificates());
    }

    /** In a cluster, the first node that takes a connection: one node down must not make the whole cluster look unreachable. */
    private static String firstListening(RuntimeSettings settings) {
        for (RuntimeSettings.ElasticsearchNodePorts node : settings.elasticsearchNodes()) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("localhost", node.httpPort()), 300);
                return node.url();
            } catch (java.io.IOException down) {
                // the next one
            }
        }
        return settings.elasticsearchUrl();
    }
}
