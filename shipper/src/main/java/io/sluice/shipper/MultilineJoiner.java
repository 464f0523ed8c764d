package io.sluice.shipper;

import io.sluice.multiline.ContinuationRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Joins continuation lines to the line they continue, per file: by default Java stack traces
 * ({@code \tat …}, {@code Caused by: …}, {@code ... 12 more}), Python tracebacks ({@code Traceback …},
 * indented frames, and the closing {@code SomeError: …} line), and any indented line. An event is
 * complete when a line that is not a continuation arrives, or when the file has been quiet for the
 * flush timeout (see {@link #flush}).
 */
public final class MultilineJoiner {

    /** The default continuation rule. */
    public static final Pattern DEFAULT_CONTINUATION = ContinuationRule.DEFAULT_CONTINUATION;
    private static final int MAX_EVENT_LINES = 500;

    private final ContinuationRule continuation;
    private final List<Line> pending = new ArrayList<>();
    private boolean inPythonTraceback;

    public MultilineJoiner(Pattern continuation) {
        this.continuation = new ContinuationRule(continuation);
    }

    /** Adds a line; returns the event it completed, if any. */
    public List<Event> add(Line line) {
        List<Event> done = new ArrayList<>(1);
        boolean continues = !pending.isEmpty() && pending.size() < MAX_EVENT_LINES
                && continuation.continues(line.text(), inPythonTraceback);
        if (!continues) {
            flushInto(done);
        }
        inPythonTraceback = ContinuationRule.inTracebackAfter(line.text(), continues && inPythonTraceback);
        pending.add(line);
        return done;
    }

    /** Completes the pending event (file quiet for the flush timeout, or shutting down). */
    public List<Event> flush() {
        List<Event> done = new ArrayList<>(1);
        flushInto(done);
        return done;
    }

    /** Where the first line not yet part of a completed event starts, or -1 when nothing is pending. */
    public long pendingStart() {
        return pending.isEmpty() ? -1 : pending.get(0).offset();
    }

    private void flushInto(List<Event> done) {
        if (pending.isEmpty()) {
            return;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (Line line : pending) {
            if (bytes.size() > 0) {
                bytes.write('\n');
            }
            bytes.writeBytes(line.bytes());
        }
        boolean truncated = pending.stream().anyMatch(Line::truncated);
        done.add(new Event(pending.get(0).offset(), pending.get(pending.size() - 1).nextOffset(), bytes.toByteArray(), truncated));
        pending.clear();
        inPythonTraceback = false;
    }

    /**
     * A complete line of a file: where it starts, where the next one starts, its bytes without the line end
     * (exactly as in the file: invalid UTF-8 is kept for the processor to preserve); {@code truncated} when
     * they are only the start of a line over the line limit.
     */
    public record Line(long offset, long nextOffset, byte[] bytes, boolean truncated) {

        public Line(long offset, long nextOffset, String text) {
            this(offset, nextOffset, text.getBytes(StandardCharsets.UTF_8), false);
        }

        /** The line as text, for matching continuation rules (invalid bytes as U+FFFD). */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** One log event: possibly several lines, from {@code offset} up to {@code endOffset}; {@code truncated} if any line was. */
    public record Event(long offset, long endOffset, byte[] bytes, boolean truncated) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
