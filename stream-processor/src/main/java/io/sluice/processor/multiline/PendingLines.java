package io.sluice.processor.multiline;

import io.sluice.processor.parse.RawRecord;

/**
 * A multi-line event being assembled for one source, kept in a state store until a line that does not
 * continue it arrives or the source has been quiet for the flush timeout. The head record is kept
 * whole: the event is its record, re-decoded, with the joined content.
 *
 * @param content the joined content so far
 * @param original the joined lines as received, envelopes included
 * @param partial the last line was a CRI partial line: the next one continues it without a line break
 * @param inTraceback a Python traceback has started and not yet ended
 * @param updatedAtMillis wall-clock time of the last line added
 */
public record PendingLines(RawRecord head, String content, String original, int lines, boolean partial,
        boolean inTraceback, long updatedAtMillis) {
}
