package io.sluice.shipper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which checkpoint each file continues, so rotation never reads a file twice and two files
 * that merely start alike (a banner, a CSV header, a JVM start line) are never taken for one.
 *
 * <p>A file continues a checkpoint when its head starts with the bytes the checkpoint recorded, and
 * either it is the same file on disk (same inode: renamed by rotation) or it is a copy of a file that is
 * still there but no longer starts that way (copytruncate: the copy is what was read, the original was
 * emptied). A file that continues nothing gets a new id — derived from its inode and first line, so a
 * lost checkpoint file gives the same ids again — and the recorded head grows with the file, up to
 * {@link FileHead#MAX_HEAD} bytes. Checkpoints of earlier versions (id = hash of the first line) are
 * continued by a file with that first line, once.
 */
final class FileIdentities {

    private FileIdentities() {
    }

    /** The id of every ready file, in {@code files}' order; new files get new checkpoints, continued ones a longer head. */
    static Map<FileHead, String> assign(List<FileHead> files, Checkpoints checkpoints) {
        Map<String, Checkpoints.Entry> entries = checkpoints.entries();
        Map<FileHead, String> assigned = new LinkedHashMap<>();
        Set<String> claimed = new HashSet<>();
        Set<String> presentInodes = new HashSet<>();
        files.forEach(file -> presentInodes.add(file.inode()));
        for (FileHead file : files) { // renamed or untouched: the same file on disk, starting as recorded
            find(entries, claimed, entry -> !entry.getValue().legacy() && file.inode().equals(entry.getValue().inode())
                    && continues(file, entry.getValue()))
                    .ifPresent(id -> claim(assigned, claimed, file, id));
        }
        for (FileHead file : files) { // a copy of a file still here but emptied since (copytruncate), or an earlier version's checkpoint
            if (!assigned.containsKey(file)) {
                find(entries, claimed, entry -> entry.getValue().legacy() ? entry.getKey().equals(file.firstLineHash())
                        : presentInodes.contains(entry.getValue().inode()) && continues(file, entry.getValue()))
                        .ifPresent(id -> claim(assigned, claimed, file, id));
            }
        }
        for (FileHead file : files) {
            if (!assigned.containsKey(file)) {
                claim(assigned, claimed, file, newId(file, entries.keySet(), claimed));
            }
        }
        assigned.forEach((file, id) -> checkpoints.identify(id, new Checkpoints.Entry(checkpoints.offset(id), file.inode(),
                file.head().length, file.headHash())));
        return assigned;
    }

    /** Starts as recorded, and is not shorter than what was read of it (else it was truncated and refilled). */
    private static boolean continues(FileHead file, Checkpoints.Entry entry) {
        return file.size() >= entry.offset() && file.startsWith(entry.headLength(), entry.headHash());
    }

    private static java.util.Optional<String> find(Map<String, Checkpoints.Entry> entries, Set<String> claimed,
            java.util.function.Predicate<Map.Entry<String, Checkpoints.Entry>> matches) {
        List<Map.Entry<String, Checkpoints.Entry>> candidates = new ArrayList<>();
        for (Map.Entry<String, Checkpoints.Entry> entry : entries.entrySet()) {
            if (!claimed.contains(entry.getKey()) && matches.test(entry)) {
                candidates.add(entry);
            }
        }
        // the longest recorded head is the most specific match
        return candidates.stream().max(java.util.Comparator.comparingInt(entry -> entry.getValue().headLength())).map(Map.Entry::getKey);
    }

    private static void claim(Map<FileHead, String> assigned, Set<String> claimed, FileHead file, String id) {
        assigned.put(file, id);
        claimed.add(id);
    }

    /** Derived from inode and first line; suffixed while taken (the same inode reused with the same first line). */
    private static String newId(FileHead file, Set<String> existing, Set<String> claimed) {
        byte[] seed = (file.inode() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] both = new byte[seed.length + file.firstLine().length];
        System.arraycopy(seed, 0, both, 0, seed.length);
        System.arraycopy(file.firstLine(), 0, both, seed.length, file.firstLine().length);
        String base = FileHead.hash(both, both.length);
        String id = base;
        for (int n = 2; existing.contains(id) || claimed.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
