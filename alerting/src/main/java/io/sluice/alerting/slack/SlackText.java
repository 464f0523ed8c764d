package io.sluice.alerting.slack;

/**
 * Makes untrusted text (log messages) safe inside a Slack message: {@code &}, {@code <} and {@code >}
 * escaped as Slack requires, so a log line can never become a mention ({@code <!channel>},
 * {@code <@U123>}) or a disguised link ({@code <http://x|y>}); long text cut with a marker.
 */
public final class SlackText {

    private SlackText() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escapes, then cuts to at most {@code limit} characters, never inside an escape sequence. */
    public static String escapeAndTruncate(String text, int limit) {
        String escaped = escape(text);
        if (escaped.length() <= limit) {
            return escaped;
        }
        String marker = " … (truncated)";
        int cut = limit - marker.length();
        int amp = escaped.lastIndexOf('&', cut);
        if (amp >= 0 && escaped.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        return escaped.substring(0, cut) + marker;
    }
}
