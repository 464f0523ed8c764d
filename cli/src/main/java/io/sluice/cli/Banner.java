package io.sluice.cli;

import io.sluice.tokens.IngestAccess;
import java.util.Map;

/** The text {@code ./sluice up} prints once everything is running: where things are, what to type. */
final class Banner {

    private Banner() {
    }

    static String endpoints(EndpointsFile endpoints) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("  ingest         %s%n", endpoints.ingestUrl()));
        text.append(String.format("  syslog         %s%n", endpoints.syslog()));
        text.append(String.format("  syslog TLS     %s%n", endpoints.syslogTls()));
        text.append(String.format("  kafka          %s (TLS + SCRAM: users and password files in endpoints --json)%n",
                endpoints.kafkaBootstrap()));
        text.append(String.format("  elasticsearch  %s%n", endpoints.elasticsearchUrl()));
        text.append(String.format("  kibana links   %s%n", endpoints.kibanaUrl()));
        text.append(String.format("  slack          %s%n", endpoints.slack()));
        text.append(String.format("  CA certificate %s (what clients trust)%n", endpoints.caCertificate()));
        for (Map.Entry<String, String> health : endpoints.health().entrySet()) {
            text.append(String.format("  health of %-17s %s%n", health.getKey(), health.getValue()));
        }
        return text.toString();
    }

    /**
     * With a curl that works as pasted: the CA to trust and the operator's ingest token (shown here, on the terminal of
     * whoever started Sluice, as Elasticsearch shows its first password; ./sluice endpoints --json prints it again).
     */
    static String ready(EndpointsFile endpoints, IngestAccess operator) {
        String credentials = operator.token() == null ? "" : """
                    --cacert %s \\
                    -H 'Authorization: %s' \\
                """.formatted(endpoints.caCertificate(), operator.authorization());
        return "\nSluice is up.\n\n" + endpoints(endpoints) + """

                Send a log%s:
                  curl -sS -X POST '%s?service=checkout' \\
                %s    -H 'Content-Type: application/x-ndjson' \\
                    --data-binary '{"message":"payment timeout after 30s","log.level":"ERROR"}'

                Find it:
                  ./sluice search 'timeout' --since 15m --service checkout

                Logs of every process: .sluice/local/logs/   Ctrl-C stops everything.
                """.formatted(operator.token() == null ? " (INSECURE: plain HTTP, no token)"
                        : " (over HTTPS, with the local operator's token; ./sluice token create makes one per sender)",
                endpoints.ingestUrl(), credentials);
    }
}
