package io.sluice.shipper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the shipper knows of a file before reading it: which file it is on disk ({@code inode}: device and
 * inode), its first line, and its head — its first {@link #MAX_HEAD} bytes, cut after the last complete
 * line — which is what tells two files apart that merely start with the same line. A file without a
 * complete first line is not ready yet.
 */
record FileHead(Path path, String inode, long size, byte[] head, byte[] firstLine) {

    /** How much of a file's start is compared, like Filebeat's fingerprint length. */
    static final int MAX_HEAD = 1024;
    /** A first line longer than this is cut here for identity purposes. */
    static final int MAX_FIRST_LINE = 4096;

    static Optional<FileHead> read(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(MAX_FIRST_LINE);
        }
        int firstEnd = indexOf(start, start.length);
        if (firstEnd < 0 && start.length < MAX_FIRST_LINE) {
            return Optional.empty();
        }
        byte[] firstLine = Arrays.copyOf(start, firstEnd < 0 ? start.length : firstEnd + 1);
        int headLength = Math.min(start.length, MAX_HEAD);
        int lastEnd = lastIndexOf(start, headLength);
        byte[] head = Arrays.copyOf(start, lastEnd < 0 ? headLength : lastEnd + 1);
        Object key = attributes.fileKey();
        return Optional.of(new FileHead(file, key == null ? file.toAbsolutePath().toString() : key.toString(), attributes.size(),
                head, firstLine));
    }

    /** Whether this file starts with the {@code length} bytes whose hash is {@code hash}. */
    boolean startsWith(int length, String hash) {
        return length <= head.length && hash(head, length).equals(hash);
    }

    String headHash() {
        return hash(head, head.length);
    }

    /** The first line's hash: the identity of earlier versions, kept so their checkpoints still apply. */
    String firstLineHash() {
        return hash(firstLine, firstLine.length);
    }

    static String hash(byte[] bytes, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, 0, length);
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] bytes, int limit) {
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, int limit) {
        for (int i = limit - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
