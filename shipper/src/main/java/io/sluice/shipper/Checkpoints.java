package io.sluice.shipper;

import io.sluice.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * How far each file (by fingerprint) has been shipped: the offset up to which Kafka acknowledged
 * every event. Saved atomically (write, then rename) after each acknowledged batch, so a crash
 * resends at most the batch in flight — and resent events carry the same ids.
 */
public final class Checkpoints {

    private final Path file;
    private final Map<String, Long> offsets;

    private Checkpoints(Path file, Map<String, Long> offsets) {
        this.file = file;
        this.offsets = offsets;
    }

    public static Checkpoints load(Path file) {
        try {
            if (!Files.exists(file)) {
                return new Checkpoints(file, new HashMap<>());
            }
            return new Checkpoints(file, new HashMap<>(Json.MAPPER.readValue(Files.readString(file),
                    new TypeReference<Map<String, Long>>() { })));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoints " + file, e);
        }
    }

    public long offset(String fingerprint) {
        return offsets.getOrDefault(fingerprint, 0L);
    }

    /** Moves a file's checkpoint forward (never back); true when it moved. */
    public boolean advance(String fingerprint, long offset) {
        Long before = offsets.get(fingerprint);
        if (before != null && before >= offset) {
            return false;
        }
        offsets.put(fingerprint, offset);
        return true;
    }

    public void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Json.MAPPER.writeValueAsString(offsets));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save checkpoints " + file, e);
        }
    }
}
