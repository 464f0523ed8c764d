package io.sluice.ingest.http;

import io.sluice.ingest.guard.MemoryBudget;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body within two limits: its size on the wire, and — for {@code gzip} or
 * {@code deflate} bodies — its size once inflated, so a small gzip bomb is refused as soon as it
 * inflates past the limit, never buffered whole.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** Request attribute holding the request's share of the in-flight {@link MemoryBudget}, when the guard set one. */
    public static final String RESERVATION = RequestBodies.class.getName() + ".reservation";
    /** Inflated bytes are charged twice: the body, and the lines cut from it. */
    public static final int INFLATED_WEIGHT = 2;
    /** How long a request waits for room for its inflated body before it is answered 429. */
    static final java.time.Duration SHARE_PATIENCE = java.time.Duration.ofSeconds(3);

    public static byte[] read(HttpServletRequest request, long maxWireBytes, long maxInflatedBytes) throws IOException {
        MemoryBudget.Reservation reservation = (MemoryBudget.Reservation) request.getAttribute(RESERVATION);
        byte[] wire = read(request.getInputStream(), maxWireBytes, "request body", reservation, 1);
        String encoding = request.getHeader("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return wire;
        }
        String scheme = encoding.trim().toLowerCase(Locale.ROOT);
        long stated = scheme.equals("gzip") || scheme.equals("x-gzip") ? gzipStatedSize(wire) : -1;
        if (stated > maxInflatedBytes) {
            throw new BodyTooLargeException("decompressed body exceeds the limit of " + maxInflatedBytes + " bytes ("
                    + stated + " bytes, as gzip states)");
        }
        long prepaid = 0;
        if (stated > 0 && reservation != null) {
            // the inflated share taken whole, before inflating: under load a request either gets all it needs or waits its turn
            reservation.charge(stated * INFLATED_WEIGHT, SHARE_PATIENCE);
            prepaid = stated;
        }
        try (InputStream inflating = inflater(scheme, wire)) {
            return read(inflating, maxInflatedBytes, "decompressed body", reservation, INFLATED_WEIGHT, prepaid);
        } catch (ZipException | java.io.EOFException e) {
            throw new BadBodyException("body is not valid " + encoding + ": " + e.getMessage());
        }
    }

    private static InputStream inflater(String encoding, byte[] wire) throws IOException {
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(wire));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(wire));
            default -> throw new UnsupportedEncodingException(encoding);
        };
    }

    static byte[] read(InputStream in, long limit, String what) throws IOException {
        return read(in, limit, what, null, 1, 0);
    }

    static byte[] read(InputStream in, long limit, String what, MemoryBudget.Reservation reservation, int weight) throws IOException {
        return read(in, limit, what, reservation, weight, 0);
    }

    /**
     * Reads at most {@code limit} bytes, charging {@code weight} per byte to the reservation (if any) as they
     * arrive, beyond the {@code prepaid} bytes already charged (which also size the buffer: no regrowth).
     */
    static byte[] read(InputStream in, long limit, String what, MemoryBudget.Reservation reservation, int weight, long prepaid)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, Math.max(64 * 1024, prepaid + 1)));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            total += read;
            if (total > limit) {
                throw new BodyTooLargeException(what + " exceeds the limit of " + limit + " bytes");
            }
            long unpaid = Math.min(read, total - prepaid);
            if (reservation != null && unpaid > 0) {
                reservation.charge(unpaid * weight);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /**
     * The inflated size a gzip body states in its trailer (ISIZE: the last member's size modulo 2^32), or -1
     * when too short to have one. A hint only — a body may lie; what inflates beyond it is charged as it comes.
     */
    static long gzipStatedSize(byte[] wire) {
        if (wire.length < 18) {
            return -1;
        }
        int n = wire.length;
        return (wire[n - 4] & 0xffL) | (wire[n - 3] & 0xffL) << 8 | (wire[n - 2] & 0xffL) << 16 | (wire[n - 1] & 0xffL) << 24;
    }

    /** Charges what a decoder is about to inflate outside {@link #read} (snappy's length is known up front). */
    public static void chargeInflated(HttpServletRequest request, long bytes) {
        MemoryBudget.Reservation reservation = (MemoryBudget.Reservation) request.getAttribute(RESERVATION);
        if (reservation != null) {
            reservation.charge(bytes * INFLATED_WEIGHT, SHARE_PATIENCE);
        }
    }

    /** 413: over a size limit. */
    public static final class BodyTooLargeException extends RuntimeException {
        public BodyTooLargeException(String message) {
            super(message);
        }
    }

    /** 400: the body cannot be decoded. */
    public static final class BadBodyException extends RuntimeException {
        public BadBodyException(String message) {
            super(message);
        }
    }

    /** 415: a Content-Encoding we do not speak. */
    public static final class UnsupportedEncodingException extends RuntimeException {
        UnsupportedEncodingException(String encoding) {
            super("Content-Encoding '" + encoding + "' is not supported; use gzip, deflate or none");
        }
    }
}
