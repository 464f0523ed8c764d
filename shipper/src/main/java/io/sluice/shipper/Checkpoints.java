package io.sluice.shipper;

import io.sluice.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How far each file (by the id {@link FileIdentities} gave it) has been shipped: the offset up to which
 * Kafka acknowledged every event, with what identifies the file (inode, hash of its head). Saved
 * atomically (write, then rename) after each acknowledged batch, so a crash resends at most the batch in
 * flight — and resent events carry the same ids. A checkpoint file that cannot be read is set aside
 * (never deleted: someone may want to look at it) and shipping starts over from the files' starts: the
 * events' ids are derived from the files, so what is sent again is a harmless duplicate downstream.
 */
public final class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    /**
     * One file's checkpoint: {@code inode} and {@code headLength}/{@code headHash} are null/0 for checkpoints
     * written by earlier versions, whose id is the hash of the file's first line.
     */
    record Entry(long offset, String inode, int headLength, String headHash) {

        boolean legacy() {
            return headHash == null;
        }
    }

    private final Path file;
    private final Map<String, Entry> entries;
    /** Changed since the last successful save: a save that failed (disk full) is tried again next round. */
    private boolean unsaved;

    private Checkpoints(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    public static Checkpoints load(Path file) {
        if (!Files.exists(file)) {
            return new Checkpoints(file, new HashMap<>());
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoints " + file, e);
        }
        try {
            return new Checkpoints(file, parse(Json.MAPPER.readTree(text)));
        } catch (JacksonException | IllegalArgumentException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            log.warn("checkpoints {} cannot be read ({}); kept as {}, shipping starts over from the files' starts "
                    + "(events keep their ids: what is resent is dropped downstream as a duplicate)", file, e.getMessage(), aside);
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                throw new UncheckedIOException("cannot set the unreadable checkpoints " + file + " aside", moveFailed);
            }
            return new Checkpoints(file, new HashMap<>());
        }
    }

    private static Map<String, Entry> parse(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, Entry> entries = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            JsonNode value = field.getValue();
            if (value.isIntegralNumber()) {
                entries.put(field.getKey(), new Entry(value.asLong(), null, 0, null));
            } else if (value.isObject() && value.path("offset").isIntegralNumber()) {
                entries.put(field.getKey(), new Entry(value.path("offset").asLong(), value.path("inode").asString(null),
                        value.path("headLength").asInt(), value.path("headHash").asString(null)));
            } else {
                throw new IllegalArgumentException("checkpoint " + field.getKey() + " is neither an offset nor an entry");
            }
        }
        return entries;
    }

    Map<String, Entry> entries() {
        return entries;
    }

    public long offset(String id) {
        Entry entry = entries.get(id);
        return entry == null ? 0L : entry.offset();
    }

    /** Records which file on disk a checkpoint belongs to (its inode and head); saved at the next save when it changed. */
    void identify(String id, Entry entry) {
        if (!entry.equals(entries.put(id, entry))) {
            unsaved = true;
        }
    }

    /** Moves a file's checkpoint forward (never back); true when it moved. */
    public boolean advance(String id, long offset) {
        Entry before = entries.get(id);
        if (before != null && before.offset() >= offset) {
            return false;
        }
        entries.put(id, before == null ? new Entry(offset, null, 0, null)
                : new Entry(offset, before.inode(), before.headLength(), before.headHash()));
        unsaved = true;
        return true;
    }

    /** Saves when anything changed since the last successful save. */
    public void saveIfChanged() {
        if (unsaved) {
            save();
        }
    }

    public void save() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        entries.forEach((id, entry) -> {
            ObjectNode node = json.putObject(id).put("offset", entry.offset());
            if (!entry.legacy()) {
                node.put("inode", entry.inode()).put("headLength", entry.headLength()).put("headHash", entry.headHash());
            }
        });
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Json.MAPPER.writeValueAsString(json));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            unsaved = false;
        } catch (IOException e) {
            // the previous checkpoint file is intact (the rename never happened): the position is not lost, only not advanced
            throw new UncheckedIOException("cannot save checkpoints " + file + ": " + e.getClass().getSimpleName() + " "
                    + e.getMessage() + "; the position is kept in memory and saved once the file can be written", e);
        }
    }
}
