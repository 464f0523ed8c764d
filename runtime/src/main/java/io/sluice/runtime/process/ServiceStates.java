package io.sluice.runtime.process;

import io.sluice.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ./sluice up}'s supervisor knows of each service — running or waiting to restart, how
 * often it was restarted, how it last ended — written to {@code .sluice/local/services.json} on every
 * change so {@code ./sluice status} can show it.
 */
public record ServiceStates(long supervisorPid, Instant at, List<State> services) {

    public static final String FILE = "services.json";

    /** One service: {@code running}, {@code restarting} (waiting out its backoff) or {@code stopped}. */
    public record State(String name, long pid, String state, int restarts, Instant lastExitAt, Integer lastExitCode,
            Instant nextStartAt) {
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path temporary = dir.resolve(FILE + ".tmp");
            Files.writeString(temporary, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
            Files.move(temporary, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The states a living supervisor wrote; empty when none runs. */
    public static Optional<ServiceStates> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ServiceStates states = Json.MAPPER.readValue(Files.readString(file), ServiceStates.class);
            return ProcessHandle.of(states.supervisorPid()).filter(ProcessHandle::isAlive).map(alive -> states);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static void remove(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
