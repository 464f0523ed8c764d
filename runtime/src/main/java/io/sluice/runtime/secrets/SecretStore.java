package io.sluice.runtime.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The generated secrets of one data folder (passwords of Kafka users, later API keys): one owner-only file
 * per secret in a folder only its owner can enter, created on first use and kept. Nothing else of Sluice
 * writes a secret anywhere: never a log line, a command line or an answer.
 */
public final class SecretStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    public SecretStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The password called {@code name}: 32 random bytes (base64url, no padding), generated the first time it is asked for. */
    public String password(String name) {
        return secret(name, () -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }

    /** The secret called {@code name}, made by {@code generate} the first time it is asked for. */
    public String secret(String name, java.util.function.Supplier<String> generate) {
        Path file = dir.resolve(name + ".password");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            String secret = generate.get();
            createOwnerOnlyDirectory(dir);
            writeOwnerOnly(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret " + file, e);
        }
    }

    /** Where the secret called {@code name} is kept. */
    public Path file(String name) {
        return dir.resolve(name + ".password");
    }

    /**
     * The password called {@code name}, generated again when it is older than {@code maxAge}: a rotation for a
     * secret whose every holder is handed it afresh at start.
     */
    public String password(String name, java.time.Duration maxAge, java.time.Clock clock) {
        Path file = dir.resolve(name + ".password");
        try {
            if (Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).toInstant().plus(maxAge).isBefore(clock.instant())) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the age of the secret " + file, e);
        }
        return password(name);
    }

    /** Written owner-only from the first byte (never readable by others, even for a moment), then moved into place. */
    public static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another process made it first
            }
        }
    }
}
