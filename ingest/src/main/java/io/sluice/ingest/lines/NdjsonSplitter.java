package io.sluice.ingest.lines;

import io.sluice.topics.DeadLetterCode;
import io.sluice.model.EventIds;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cuts a body into lines: NDJSON (one JSON object or one plain-text line per line; blank lines
 * skipped, {@code \r\n} accepted) or a JSON array of objects. A line over the size limit, or JSON
 * nested deeper than the depth limit, is rejected with its number and reason; every other line gets
 * its service, host and event id from {@link LineFields}.
 */
public final class NdjsonSplitter {

    private final int maxLineBytes;
    private final int maxDepth;
    private final JsonMapper mapper;
    private final Clock clock;

    public NdjsonSplitter(int maxLineBytes, int maxDepth, Clock clock) {
        this.maxLineBytes = maxLineBytes;
        this.maxDepth = maxDepth;
        this.clock = clock;
        this.mapper = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                        .build())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Splits NDJSON, or a JSON array when the body is one (a body without a declared type). */
    public SplitBody split(byte[] body, String defaultService, String defaultHost) {
        return split(body, null, defaultService, defaultHost);
    }

    /**
     * Splits a body as its {@code Content-Type} says: {@code text/plain} is lines (a line starting with {@code [} is a
     * line, not an array), {@code application/json} may be one array of events (a malformed one is refused); otherwise
     * (NDJSON, no type, a form) a body that parses as one JSON array is one, anything else is lines.
     */
    public SplitBody split(byte[] body, String contentType, String defaultService, String defaultHost) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        boolean declaredLines = type.startsWith("text/");
        boolean declaredJson = type.startsWith("application/json");
        if (!declaredLines && JsonArrayElements.looksLikeArray(body)) {
            if (declaredJson) {
                return splitLines(JsonArrayElements.of(body, mapper), defaultService, defaultHost);
            }
            try {
                return splitLines(JsonArrayElements.of(body, mapper), defaultService, defaultHost);
            } catch (MalformedBodyException notAnArray) {
                // the type did not say JSON: text that happens to start with '[' ([INFO] ..., [2026-11-30 ...]) is lines
            }
        }
        return lines(body, defaultService, defaultHost);
    }

    private SplitBody lines(byte[] body, String defaultService, String defaultHost) {
        List<byte[]> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start);
            lineNumber++;
            int contentEnd = end > start && body[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(body, start, contentEnd)) {
                lines.add(Arrays.copyOfRange(body, start, contentEnd));
                numbers.add(lineNumber);
            }
            start = end + 1;
        }
        return accept(lines, numbers, defaultService, defaultHost);
    }

    /** Lines that arrived already cut (array elements, protocol records), numbered from 1. */
    public SplitBody splitLines(List<byte[]> lines, String defaultService, String defaultHost) {
        List<Integer> numbers = new ArrayList<>(lines.size());
        for (int i = 1; i <= lines.size(); i++) {
            numbers.add(i);
        }
        return accept(lines, numbers, defaultService, defaultHost);
    }

    private SplitBody accept(List<byte[]> lines, List<Integer> numbers, String defaultService, String defaultHost) {
        List<RawLine> accepted = new ArrayList<>(lines.size());
        List<LineRejection> rejected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            int number = numbers.get(i);
            if (line.length > maxLineBytes) {
                rejected.add(new LineRejection(number, "line is " + line.length + " bytes, the limit is " + maxLineBytes,
                        DeadLetterCode.TOO_LARGE));
                continue;
            }
            LineFields fields;
            try {
                fields = LineFields.of(line, mapper);
            } catch (LineFields.TooDeepException e) {
                rejected.add(new LineRejection(number, "JSON nested deeper than " + maxDepth + " levels", DeadLetterCode.TOO_DEEP));
                continue;
            }
            accepted.add(new RawLine(number,
                    firstNonBlank(fields.service(), defaultService),
                    firstNonBlank(fields.host(), defaultHost),
                    firstNonBlank(fields.eventId(), EventIds.newId(clock.instant())),
                    line));
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
