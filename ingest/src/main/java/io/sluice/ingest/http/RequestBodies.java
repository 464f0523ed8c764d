package io.sluice.ingest.http;

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

    public static byte[] read(HttpServletRequest request, long maxWireBytes, long maxInflatedBytes) throws IOException {
        byte[] wire = read(request.getInputStream(), maxWireBytes, "request body");
        String encoding = request.getHeader("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return wire;
        }
        try (InputStream inflating = inflater(encoding.trim().toLowerCase(Locale.ROOT), wire)) {
            return read(inflating, maxInflatedBytes, "decompressed body");
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
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            total += read;
            if (total > limit) {
                throw new BodyTooLargeException(what + " exceeds the limit of " + limit + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** 413: over a size limit. */
    public static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(String message) {
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
