package io.sluice.cli;

import java.util.Map;

/** The text {@code ./sluice up} prints once everything is running: where things are, what to type. */
final class Banner {

    private Banner() {
    }

    static String endpoints(EndpointsFile endpoints) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("  ingest         %s%n", endpoints.ingestUrl()));
        text.append(String.format("  syslog         %s%n", endpoints.syslog()));
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

    static String ready(EndpointsFile endpoints) {
        return "\nSluice is up.\n\n" + endpoints(endpoints) + """

                Send a log:
                  curl -sS -X POST '%s?service=checkout' \\
                    -H 'Content-Type: application/x-ndjson' \\
                    --data-binary '{"message":"payment timeout after 30s","log.level":"ERROR"}'

                Find it:
                  ./sluice search 'timeout' --since 15m --service checkout

                Logs of every process: .sluice/local/logs/   Ctrl-C stops everything.
                """.formatted(endpoints.ingestUrl());
    }
}
