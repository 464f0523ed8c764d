package io.sluice.ingest.syslog;

import io.sluice.syslog.SyslogFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a syslog TCP stream into frames (RFC 6587): octet counting ({@code "123 <34>1 …"}) when a
 * frame starts with a digit, otherwise non-transparent framing ended by LF (a CR before it, or a
 * NUL, is dropped). A frame over the size limit is read past and reported, not kept.
 */
public final class SyslogFramer {

    private final InputStream in;
    private final int maxFrameBytes;

    public SyslogFramer(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * The next frame's bytes, exactly as sent (decoding is the caller's: invalid UTF-8 must survive), or
     * null at the end of the stream. Throws {@link FrameTooLargeException} for an oversized one.
     */
    public byte[] next() throws IOException {
        int first = in.read();
        while (first == '\n' || first == '\r' || first == 0) {
            first = in.read();
        }
        if (first == -1) {
            return null;
        }
        return Character.isDigit(first) ? counted(first) : delimited(first);
    }

    private byte[] counted(int first) throws IOException {
        long length = first - '0';
        for (int c; (c = in.read()) != ' '; ) {
            if (c < '0' || c > '9' || length > Integer.MAX_VALUE / 10) {
                throw new SyslogFormatException("malformed octet count");
            }
            length = length * 10 + (c - '0');
        }
        if (length > maxFrameBytes) {
            in.skipNBytes(length);
            throw new FrameTooLargeException(length, maxFrameBytes);
        }
        return in.readNBytes((int) length);
    }

    private byte[] delimited(int first) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
        long length = 0;
        for (int c = first; c != -1 && c != '\n' && c != 0; c = in.read()) {
            if (++length <= maxFrameBytes) {
                frame.write(c);
            }
        }
        if (length > maxFrameBytes) {
            throw new FrameTooLargeException(length, maxFrameBytes);
        }
        byte[] bytes = frame.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return java.util.Arrays.copyOf(bytes, end);
    }

    /** A frame longer than the limit; the stream is positioned after it. */
    public static final class FrameTooLargeException extends RuntimeException {
        FrameTooLargeException(long length, int limit) {
            super("syslog frame of " + length + " bytes exceeds the limit of " + limit);
        }
    }
}
