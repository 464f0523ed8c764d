package io.sluice.ingest.lines;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts an NDJSON body (one JSON object or one plain-text line per line) into lines: blank lines are
 * skipped, {@code \r\n} is accepted, a line over the size limit is rejected with a reason, and every
 * other line gets its service, host and event id from {@link LineFields}.
 */
public final class NdjsonSplitter {

    private final int maxLineBytes;
    private final Clock clock;

    public NdjsonSplitter(int maxLineBytes, Clock clock) {
        this.maxLineBytes = maxLineBytes;
        this.clock = clock;
    }

    public SplitBody split(byte[] body, String defaultService, String defaultHost) {
        List<RawLine> accepted = new ArrayList<>();
        List<LineRejection> rejected = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start);
            lineNumber++;
            int contentEnd = end > start && body[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(body, start, contentEnd)) {
                int length = contentEnd - start;
                if (length > maxLineBytes) {
                    rejected.add(new LineRejection(lineNumber,
                            "line is " + length + " bytes, the limit is " + maxLineBytes));
                } else {
                    byte[] line = Arrays.copyOfRange(body, start, contentEnd);
                    LineFields fields = LineFields.of(line);
                    accepted.add(new RawLine(lineNumber,
                            firstNonBlank(fields.service(), defaultService),
                            firstNonBlank(fields.host(), defaultHost),
                            firstNonBlank(fields.eventId(), io.sluice.model.EventIds.newId(clock.instant())),
                            line));
                }
            }
            start = end + 1;
        }
        return new SplitBody(accepted, rejected);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String firstNonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
