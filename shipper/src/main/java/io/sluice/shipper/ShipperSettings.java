package io.sluice.shipper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to ship and where: files matching {@code glob} (include rotated names, e.g. {@code app.log*},
 * so a file renamed before it was read to the end is still finished), as {@code service}.
 */
public record ShipperSettings(
        String glob,
        String service,
        String host,
        String kafkaBootstrap,
        Path stateFile,
        Pattern continuation,
        Duration pollInterval,
        Duration flushTimeout) {

    public ShipperSettings {
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(stateFile, "stateFile");
        continuation = continuation == null ? MultilineJoiner.DEFAULT_CONTINUATION : continuation;
    }
}
