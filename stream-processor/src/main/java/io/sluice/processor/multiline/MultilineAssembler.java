package io.sluice.processor.multiline;

import io.sluice.multiline.ContinuationRule;
import io.sluice.processor.parse.DecodedLine;
import io.sluice.processor.parse.Envelope;

/**
 * Decides, line by line and per source, what multi-line reassembly does: a continuation (stack-trace
 * frame, {@code Caused by:}, indented line, the end of a Python traceback, the rest of a CRI partial
 * line) joins the pending event; any other line completes the pending event and becomes the new one.
 * A line that cannot take part (JSON, already multi-line, joining switched off, too large to hold) completes
 * the pending event and passes straight through. Pure: the caller keeps the state.
 */
public final class MultilineAssembler {

    private static final int MAX_LINES = 500;
    /**
     * Most characters of content held pending per source. What is pending lives in a state store whose
     * changelog takes records of at most 1 MB, and holds the content about three times (head record,
     * content, original lines), so a larger line is emitted on its own and a longer event is cut into
     * several rather than failing the changelog write.
     */
    public static final int MAX_PENDING_CHARS = 64 * 1024;

    private final ContinuationRule rule;
    private final int maxBytes;

    public MultilineAssembler(ContinuationRule rule, int maxBytes) {
        this.rule = rule;
        this.maxBytes = Math.min(maxBytes, MAX_PENDING_CHARS);
    }

    /**
     * @param pending the source's pending event, or null
     * @param nowMillis wall-clock time, stamped on what stays pending
     */
    public Step offer(PendingLines pending, DecodedLine line, long nowMillis) {
        Envelope envelope = line.envelope();
        String content = envelope.content();
        if (pending != null && continues(pending, line)) {
            String separator = pending.partial() ? "" : "\n";
            return new Step(null, new PendingLines(pending.head(), pending.content() + separator + content,
                    pending.original() + "\n" + line.line(), pending.lines() + 1, envelope.partial(),
                    ContinuationRule.inTracebackAfter(content, pending.inTraceback()), nowMillis), null);
        }
        if (!line.joinable() || content.length() > maxBytes) {
            return new Step(pending, null, line);
        }
        return new Step(pending, new PendingLines(line.record(), content, line.line(), 1, envelope.partial(),
                ContinuationRule.inTracebackAfter(content, false), nowMillis), null);
    }

    private boolean continues(PendingLines pending, DecodedLine line) {
        String content = line.envelope().content();
        if (pending.lines() >= MAX_LINES || pending.content().length() + content.length() + 1 > maxBytes) {
            return false;
        }
        return pending.partial() || line.joinable() && rule.continues(content, pending.inTraceback());
    }

    /**
     * What one line caused.
     *
     * @param completed a pending event that is now complete, to be emitted first; or null
     * @param pending what the source's pending event is now; null removes it
     * @param passThrough the line itself when it is emitted on its own, after {@code completed}; or null
     */
    public record Step(PendingLines completed, PendingLines pending, DecodedLine passThrough) {
    }
}
