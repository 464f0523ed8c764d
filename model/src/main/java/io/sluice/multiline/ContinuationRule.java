package io.sluice.multiline;

import java.util.regex.Pattern;

/**
 * Decides whether a line continues the event before it, for sources that write one event over several
 * lines: Java stack traces (the {@code java.lang.IllegalStateException: …} line, {@code \tat …},
 * {@code Caused by: …}, {@code ... 12 more}), Python
 * tracebacks ({@code Traceback …}, indented frames and the closing {@code SomeError: …} line) and any
 * indented line — unless it begins with a date and time (Zabbix indents every line: {@code   1234:20261120:101530.123 …}). Shared by the file shipper and the stream processor so both join the same way.
 */
public final class ContinuationRule {

    /** The default continuation pattern. */
    public static final Pattern DEFAULT_CONTINUATION = Pattern.compile(
            "^(\\s+(?![\\d:]*\\d{4}[-/.:]?\\d{2}[-/.:]?\\d{2}[ T:_-]\\d{2}:?\\d{2})\\S.*|Caused by: .*|Suppressed: .*|\\.\\.\\. \\d+ (more|common frames omitted)|Traceback \\(most recent call last\\):)$",
            Pattern.DOTALL);
    /** The line that ends a Python traceback: not indented, so only a continuation inside a traceback. */
    private static final Pattern PYTHON_EXCEPTION_LINE =
            Pattern.compile("^[A-Za-z_][\\w.]*(Error|Exception|Exit|Interrupt|Warning)(: .*)?$", Pattern.DOTALL);
    /** A Java exception header: a package-qualified class whose name ends in Exception, Error or Throwable. */
    private static final Pattern JAVA_EXCEPTION_LINE = Pattern.compile(
            "^(?:[a-zA-Z_$][\\w$]*+\\.)++[A-Z][\\w$]*?(?:Exception|Error|Throwable)(?::.*)?$", Pattern.DOTALL);
    private static final String TRACEBACK_START = "Traceback (most recent call last):";

    /** The default rule. */
    public static final ContinuationRule DEFAULT = new ContinuationRule(DEFAULT_CONTINUATION);

    private final Pattern continuation;

    public ContinuationRule(Pattern continuation) {
        this.continuation = continuation;
    }

    /**
     * @param inTraceback whether the event so far contains a Python traceback that has not ended
     */
    public boolean continues(String line, boolean inTraceback) {
        return continuation.matcher(line).matches() || JAVA_EXCEPTION_LINE.matcher(line).matches()
                || inTraceback && PYTHON_EXCEPTION_LINE.matcher(line).matches();
    }

    /** Whether the event is inside a Python traceback after this line was added to it. */
    public static boolean inTracebackAfter(String line, boolean inTraceback) {
        if (line.startsWith(TRACEBACK_START)) {
            return true;
        }
        return inTraceback && !PYTHON_EXCEPTION_LINE.matcher(line).matches();
    }
}
