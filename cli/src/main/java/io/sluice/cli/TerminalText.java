package io.sluice.cli;

/**
 * Makes text from logs safe to print on an operator's terminal: a hostile line must not be able to move
 * the cursor, rewrite what is shown, set the window title or hide text. Control characters (C0, DEL,
 * C1 — ESC among them) are shown escaped ({@code \e}, {@code \r}, {@code \x07}, {@code \u009b}), as are the
 * Unicode bidirectional controls that reorder what is displayed. A newline is kept only where the
 * caller allows it (continuation lines of a stack trace), followed by the caller's indent.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** Everything escaped, newlines included: for one-line fields (service, level, reason). */
    public static String escape(String text) {
        return escape(text, null);
    }

    /** Escaped, each newline kept and followed by {@code newlineIndent}. */
    public static String escapeKeepingLines(String text, String newlineIndent) {
        return escape(text, newlineIndent);
    }

    private static String escape(String text, String newlineIndent) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c, newlineIndent);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c, String newlineIndent) {
        if (c == '\n') {
            return newlineIndent != null ? "\n" + newlineIndent : "\\n";
        }
        if (c == '\t') {
            return null;
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c == 0x1b) {
            return "\\e";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("\\x%02x", (int) c);
        }
        if (c >= 0x80 && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
