package io.sluice.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Makes {@code event.id} values: time-ordered random ids for new events (Lucene indexes ordered ids
 * faster than random ones), and name-based ids for records that arrive without one, so that the
 * same source coordinates always give the same id.
 */
public final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private EventIds() {
    }

    /** A new id: 48 bits of milliseconds, then 80 random bits, URL-safe base64 (22 characters). */
    public static String newId(Instant now) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putShort((short) (now.toEpochMilli() >>> 32));
        bytes.putInt((int) now.toEpochMilli());
        bytes.put(random);
        return ENCODER.encodeToString(bytes.array());
    }

    /** A stable id derived from a name, e.g. the Kafka coordinates of a record that carried none. */
    public static String nameBased(String name) {
        byte[] digest = SHA_256.get().digest(name.getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(java.util.Arrays.copyOf(digest, 16));
    }

    /** Looking a digest up per call costs more than hashing a short name; one per thread is reused. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    });
}
