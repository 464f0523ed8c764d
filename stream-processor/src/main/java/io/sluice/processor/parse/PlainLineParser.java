package io.sluice.processor.parse;

import java.util.Map;

/**
 * Parses a plain-text line: the whole line is the message; a leading timestamp and a level word
 * among its first few tokens are picked up when present.
 */
final class PlainLineParser {

    private static final int LEVEL_SEARCH_TOKENS = 6;

    ParsedFields parse(String line, TimeContext time) {
        return new ParsedFields(Timestamps.findInLine(line, time).orElse(null), line, findLevel(line),
                null, null, null, null, null, null, Map.of("log_format", "plain"), true);
    }

    /**
     * Only upper-case words of three letters or more count: frameworks print levels that way, prose
     * ("an error in", "I think") does not.
     */
    static String findLevel(String line) {
        int start = 0;
        for (int token = 0; token < LEVEL_SEARCH_TOKENS && start < line.length(); token++) {
            int end = start;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            String word = line.substring(start, end);
            boolean levelLike = word.length() >= 3 && word.equals(word.toUpperCase(java.util.Locale.ROOT))
                    && !Character.isDigit(word.charAt(0));
            String level = levelLike ? Levels.normalize(word) : null;
            if (level != null) {
                return level;
            }
            start = end;
            while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
                start++;
            }
        }
        return null;
    }
}
