package io.sluice.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.json.Json;
import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import io.sluice.runtime.elasticsearch.LocalElasticsearchIdentities;
import io.sluice.runtime.ingest.IngestIdentities;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.runtime.kafka.LocalKafkaIdentities;
import io.sluice.runtime.process.ServiceStates;
import io.sluice.runtime.services.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running {@code ./sluice up} serves, written to {@code .sluice/local/endpoints.json} while it
 * runs so other commands and scripts can find it. The file holds no secret: the Slack webhook is only
 * described, never written; Kafka's and Elasticsearch's credentials and the ingest token are added only to what
 * {@code ./sluice endpoints --json} prints ({@link #withOperatorCredentials}).
 */
record EndpointsFile(
        long pid,
        String ingestUrl,
        String syslog,
        String kafkaBootstrap,
        String elasticsearchUrl,
        String kibanaUrl,
        String slack,
        Map<String, String> health,
        String caCertificate,
        Kafka kafka,
        @JsonInclude(JsonInclude.Include.NON_NULL) String elasticsearchAuthorization,
        String syslogTls,
        @JsonInclude(JsonInclude.Include.NON_NULL) String ingestToken,
        List<ProcessEntry> processes) {

    /** One process the platform started: {@code role} is kafka, elasticsearch, ingest, stream-processor, indexer or alerting. */
    record ProcessEntry(String name, String role, long pid, @JsonInclude(JsonInclude.Include.NON_NULL) String health) {
    }

    /** This description with the processes {@code ./sluice up} started. */
    EndpointsFile withProcesses(List<ProcessEntry> started) {
        return new EndpointsFile(pid, ingestUrl, syslog, kafkaBootstrap, elasticsearchUrl, kibanaUrl, slack, health, caCertificate, kafka,
                elasticsearchAuthorization, syslogTls, ingestToken, List.copyOf(started));
    }

    /** This description with each process's pid as the supervisor last wrote it (a restarted process has a new one). */
    EndpointsFile withCurrentPids(Optional<ServiceStates> states) {
        if (states.isEmpty()) {
            return this;
        }
        Map<String, Long> pids = new java.util.HashMap<>();
        states.get().services().forEach(state -> pids.put(state.name(), state.pid()));
        return withProcesses(processes.stream()
                .map(process -> new ProcessEntry(process.name(), process.role(), pids.getOrDefault(process.name(), process.pid()), process.health()))
                .toList());
    }

    /**
     * How a client reaches Kafka: over TLS trusting {@code caCertificate}, logging in with SCRAM as
     * {@code username} (the local operator: reads every topic, writes {@code logs.raw.v1}); the other users'
     * passwords are the owner-only files {@code <passwordFiles>/kafka-<user>.password}.
     */
    record Kafka(String bootstrap, String securityProtocol, String saslMechanism, String username,
            @JsonInclude(JsonInclude.Include.NON_NULL) String password, String caCertificate,
            Map<String, String> users, String passwordFiles) {
    }

    /**
     * This description with the local operator's credentials filled in, for {@code ./sluice endpoints --json} to
     * print to the operator who ran it; the file on disk never holds them (they are read from the owner-only
     * secrets each time).
     */
    EndpointsFile withOperatorCredentials(RuntimeSettings settings) {
        KafkaAccess operator = new LocalKafkaIdentities(settings).as(KafkaPrincipal.OPERATOR);
        Kafka withPassword = new Kafka(kafka.bootstrap(), kafka.securityProtocol(), kafka.saslMechanism(), kafka.username(),
                operator.password(), kafka.caCertificate(), kafka.users(), kafka.passwordFiles());
        return new EndpointsFile(pid, ingestUrl, syslog, kafkaBootstrap, elasticsearchUrl, kibanaUrl, slack, health,
                caCertificate, withPassword, new LocalElasticsearchIdentities(settings).as(ElasticsearchPrincipal.OPERATOR).authorization(),
                syslogTls, IngestIdentities.of(settings).operator().token(), processes);
    }

    static EndpointsFile describe(RuntimeSettings settings, Connections connections, String kibanaUrl, String slack) {
        return describe(settings, connections, kibanaUrl, slack, Service.INGEST.url(settings.profile()) + "/api/v1/logs");
    }

    static EndpointsFile describe(RuntimeSettings settings, Connections connections, String kibanaUrl, String slack, String ingestUrl) {
        LocalKafkaIdentities identities = new LocalKafkaIdentities(settings);
        Map<String, String> health = new LinkedHashMap<>();
        for (int instance = 1; instance <= settings.shape().instances(); instance++) {
            for (Service service : Service.ALL) {
                health.put(service.instanceName(instance), service.healthUrl(settings.profile(), instance));
            }
        }
        return new EndpointsFile(ProcessHandle.current().pid(), ingestUrl,
                "localhost:" + Service.syslogPort(settings.profile()) + " (TCP and UDP)",
                connections.kafkaBootstrap(), connections.elasticsearchUrl(), kibanaUrl, slack, health,
                identities.caCertificate().toString(), kafka(connections, identities), null,
                "localhost:" + Service.syslogTlsPort(settings.profile()) + " (TLS, RFC 5425: client certificate from ./sluice access syslog-client HOST)",
                null, List.of());
    }

    private static Kafka kafka(Connections connections, LocalKafkaIdentities identities) {
        Map<String, String> users = new LinkedHashMap<>();
        for (KafkaPrincipal principal : KafkaPrincipal.values()) {
            if (principal != KafkaPrincipal.ADMIN) {
                users.put(principal.name().toLowerCase(java.util.Locale.ROOT), principal.username());
            }
        }
        KafkaAccess operator = connections.kafka().as(KafkaPrincipal.OPERATOR);
        return new Kafka(connections.kafkaBootstrap(), operator.securityProtocol(), operator.mechanism().kafkaName(),
                operator.username(), null, identities.caCertificate().toString(), users, identities.secretsDir().toString());
    }

    static Path path(RuntimeSettings settings) {
        return settings.dataDir().resolve("endpoints.json");
    }

    /** The endpoints of the running platform, or the defaults when none runs. */
    static EndpointsFile current() {
        RuntimeSettings settings = RuntimeSettings.of(Profile.LOCAL, System.getenv());
        return read(settings).orElseGet(() -> describe(settings, Connections.of(settings), null, null));
    }

    static Optional<EndpointsFile> read(RuntimeSettings settings) {
        Path path = path(settings);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            EndpointsFile file = Json.MAPPER.readValue(Files.readString(path), EndpointsFile.class);
            return ProcessHandle.of(file.pid()).filter(ProcessHandle::isAlive).map(alive -> file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(RuntimeSettings settings) {
        try {
            Files.createDirectories(path(settings).getParent());
            Files.writeString(path(settings), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void remove(RuntimeSettings settings) {
        try {
            Files.deleteIfExists(path(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
