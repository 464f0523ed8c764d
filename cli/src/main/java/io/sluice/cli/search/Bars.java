package io.sluice.cli.search;

/** Horizontal bars for the terminal, proportional to the largest value. */
final class Bars {

    static final int WIDTH = 40;

    private Bars() {
    }

    /** A bar of {@code value} against {@code max}; any value above 0 gets at least one block. */
    static String of(long value, long max) {
        if (value <= 0 || max <= 0) {
            return "";
        }
        int blocks = (int) Math.max(1, Math.round((double) value * WIDTH / max));
        return "█".repeat(Math.min(WIDTH, blocks));
    }

    static String padRight(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
