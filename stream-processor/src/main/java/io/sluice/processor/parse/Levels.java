package io.sluice.processor.parse;

import io.sluice.model.LogLevels;
import java.util.Locale;
import java.util.Map;

/** Maps the many spellings of a log level to the normalized {@code log.level} values. */
public final class Levels {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("TRACE", LogLevels.TRACE), Map.entry("FINEST", LogLevels.TRACE), Map.entry("FINER", LogLevels.TRACE),
            Map.entry("DEBUG", LogLevels.DEBUG), Map.entry("FINE", LogLevels.DEBUG),
            Map.entry("INFO", LogLevels.INFO), Map.entry("INFORMATION", LogLevels.INFO), Map.entry("NOTICE", LogLevels.INFO),
            Map.entry("WARN", LogLevels.WARN), Map.entry("WARNING", LogLevels.WARN),
            Map.entry("ERROR", LogLevels.ERROR), Map.entry("ERR", LogLevels.ERROR), Map.entry("SEVERE", LogLevels.ERROR),
            Map.entry("FATAL", LogLevels.FATAL), Map.entry("CRITICAL", LogLevels.FATAL), Map.entry("CRIT", LogLevels.FATAL),
            Map.entry("ALERT", LogLevels.FATAL), Map.entry("EMERG", LogLevels.FATAL), Map.entry("PANIC", LogLevels.FATAL),
            // zap's development panic; logrus's four-letter terminal forms
            Map.entry("DPANIC", LogLevels.FATAL), Map.entry("TRAC", LogLevels.TRACE), Map.entry("DEBU", LogLevels.DEBUG),
            Map.entry("ERRO", LogLevels.ERROR), Map.entry("FATA", LogLevels.FATAL), Map.entry("PANI", LogLevels.FATAL));

    private Levels() {
    }

    private static final String[] SYSLOG = {LogLevels.FATAL, LogLevels.FATAL, LogLevels.FATAL, LogLevels.ERROR,
            LogLevels.WARN, LogLevels.INFO, LogLevels.INFO, LogLevels.DEBUG};
    private static final String[] BUNYAN = {LogLevels.TRACE, LogLevels.DEBUG, LogLevels.INFO, LogLevels.WARN,
            LogLevels.ERROR, LogLevels.FATAL};
    private static final Map<String, String> LETTERS = Map.of("T", LogLevels.TRACE, "D", LogLevels.DEBUG,
            "I", LogLevels.INFO, "W", LogLevels.WARN, "E", LogLevels.ERROR, "F", LogLevels.FATAL);

    /**
     * The normalized level of a word such as {@code warning}, {@code [ERROR]}, a syslog severity
     * number (0–7), a bunyan/pino number (10–60) or Go's single letters ({@code I}, {@code W}, …);
     * null when it is none.
     */
    public static String normalize(String word) {
        if (word == null) {
            return null;
        }
        String bare = word.strip();
        if (!bare.isEmpty() && bare.length() <= 2 && isNumber(bare)) {
            int number = Integer.parseInt(bare);
            if (number <= 7) {
                return SYSLOG[number];
            }
            return number % 10 == 0 && number >= 10 && number <= 60 ? BUNYAN[number / 10 - 1] : null;
        }
        String letter = LETTERS.get(bare.toUpperCase(Locale.ROOT));
        if (letter != null) {
            return letter;
        }
        if (bare.startsWith("[") && bare.endsWith("]") && bare.length() > 2) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (bare.endsWith(":")) {
            bare = bare.substring(0, bare.length() - 1);
        }
        return WORDS.get(bare.toUpperCase(Locale.ROOT));
    }

    private static boolean isNumber(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
