package io.sluice.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, refusing early rather than buffering an unbounded body. */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            total += read;
            if (total > limit) {
                throw new BodyTooLargeException(limit);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long limit) {
            super("request body exceeds the limit of " + limit + " bytes");
        }
    }
}
