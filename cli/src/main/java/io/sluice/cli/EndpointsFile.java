package io.sluice.cli;

import io.sluice.json.Json;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.services.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a running {@code ./sluice up} serves, written to {@code .sluice/local/endpoints.json} while it
 * runs so other commands and scripts can find it. Holds no secret: the Slack webhook is only
 * described, never written.
 */
record EndpointsFile(
        long pid,
        String ingestUrl,
        String syslog,
        String kafkaBootstrap,
        String elasticsearchUrl,
        String kibanaUrl,
        String slack,
        Map<String, String> health) {

    static EndpointsFile describe(RuntimeSettings settings, Connections connections, String kibanaUrl, String slack) {
        Map<String, String> health = new LinkedHashMap<>();
        for (Service service : Service.ALL) {
            health.put(service.module(), service.healthUrl(settings.profile()));
        }
        return new EndpointsFile(ProcessHandle.current().pid(),
                Service.INGEST.url(settings.profile()) + "/api/v1/logs",
                "localhost:" + Service.syslogPort(settings.profile()) + " (TCP and UDP)",
                connections.kafkaBootstrap(), connections.elasticsearchUrl(), kibanaUrl, slack, health);
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
