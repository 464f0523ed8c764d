package io.sluice.alerting.rules;

/** The running state of one service's window: how many errors, and the first one's message as a sample. */
public record ErrorWindow(long count, String sample) {

    static final int SAMPLE_LIMIT = 2_000;

    public static ErrorWindow empty() {
        return new ErrorWindow(0, null);
    }

    public ErrorWindow add(String message) {
        String first = sample != null ? sample : truncate(message);
        return new ErrorWindow(count + 1, first);
    }

    private static String truncate(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= SAMPLE_LIMIT ? message : message.substring(0, SAMPLE_LIMIT);
    }
}
