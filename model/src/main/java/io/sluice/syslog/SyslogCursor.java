package io.sluice.syslog;

/** A position in the frame, with the few moves the grammar needs. */
final class SyslogCursor {
    final String text;
    int at;

    SyslogCursor(String text) {
        this.text = text;
    }

    boolean startsWith(String prefix) {
        return text.startsWith(prefix, at);
    }

    void skip(int count) {
        at = Math.min(text.length(), at + count);
    }

    int remaining() {
        return text.length() - at;
    }

    void skipSpace() {
        if (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }

    String word() {
        int end = text.indexOf(' ', at);
        if (end < 0) {
            throw new SyslogFormatException("truncated RFC 5424 header");
        }
        String word = text.substring(at, end);
        at = end + 1;
        return word;
    }

    String until(char stop, char alsoStop) {
        int end = at;
        while (end < text.length() && text.charAt(end) != stop && text.charAt(end) != alsoStop) {
            end++;
        }
        String value = text.substring(at, end);
        at = end;
        return value;
    }

    void expect(String literal) {
        if (!startsWith(literal)) {
            throw new SyslogFormatException("malformed structured data near position " + at);
        }
        at += literal.length();
    }

    String quoted() {
        StringBuilder value = new StringBuilder();
        while (at < text.length() && text.charAt(at) != '"') {
            char c = text.charAt(at++);
            if (c == '\\' && at < text.length()) {
                c = text.charAt(at++);
            }
            value.append(c);
        }
        expect("\"");
        return value.toString();
    }

    String rest() {
        String rest = text.substring(at);
        at = text.length();
        return rest;
    }
}
