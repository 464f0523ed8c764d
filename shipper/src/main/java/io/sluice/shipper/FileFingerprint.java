package io.sluice.shipper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A file's identity for shipping: a hash of its first line (up to 4 KiB). It survives renames (a
 * rotated {@code app.log.1} is still the same file) and copies (copytruncate's copy is recognised as
 * what was read), unlike a path; and unlike an inode it cannot be recycled by a new file. A file
 * without a complete first line has no fingerprint yet and is not read yet.
 */
public final class FileFingerprint {

    static final int MAX_BYTES = 4096;

    private FileFingerprint() {
    }

    public static Optional<String> of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_BYTES);
        }
        int end = -1;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                end = i + 1;
                break;
            }
        }
        if (end < 0 && head.length < MAX_BYTES) {
            return Optional.empty();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(head, 0, end < 0 ? head.length : end);
            return Optional.of(HexFormat.of().formatHex(sha.digest(), 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
