package io.sluice.processor.recognize;

import io.sluice.model.LogLevels;
import io.sluice.processor.parse.Levels;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a level among the first tokens of a line (before and just after its time), the way people spot it: a known
 * level word or abbreviation in any case — bare, in brackets, angle brackets or parentheses, before a colon or between
 * bars, or beside a slash ({@code INFO/MainProcess}, {@code information/ConfigItem}); a lone letter ({@code D}, {@code W})
 * once the line has a time; a kernel-style {@code <3>}. Only the leading tokens count: "error count: 0" further on is
 * message, not level. A lower-case bare word counts only right after the time or at the line's start.
 */
public final class LevelRecognizer {

    /** Tokens looked at (the time's own do not count); after the first {@value #ANY_CASE_TOKENS} only upper-case words. */
    private static final int TOKENS = 9;
    private static final int ANY_CASE_TOKENS = 6;
    private static final int SPAN = 120;

    /**
     * Words beyond {@link Levels}' own: three-letter forms (Serilog, Ceph, zerolog), MySQL's Note, ClickHouse's Information,
     * Postgres's LOG, BlueGene/L's FAILURE.
     */
    private static final Map<String, String> MORE_WORDS = Map.ofEntries(
            Map.entry("WRN", LogLevels.WARN), Map.entry("INF", LogLevels.INFO), Map.entry("DBG", LogLevels.DEBUG),
            Map.entry("DBUG", LogLevels.DEBUG), Map.entry("FTL", LogLevels.FATAL), Map.entry("VRB", LogLevels.TRACE),
            Map.entry("TRC", LogLevels.TRACE), Map.entry("CRT", LogLevels.FATAL), Map.entry("EMERGENCY", LogLevels.FATAL),
            Map.entry("NOTE", LogLevels.INFO), Map.entry("LOG", LogLevels.INFO), Map.entry("CONFIG", LogLevels.DEBUG),
            Map.entry("VERBOSE", LogLevels.TRACE), Map.entry("FAULT", LogLevels.ERROR), Map.entry("WARNINGS", LogLevels.WARN),
            Map.entry("ERRORS", LogLevels.ERROR), Map.entry("CRITICAL", LogLevels.FATAL), Map.entry("INFORMATIONAL", LogLevels.INFO),
            Map.entry("FAILURE", LogLevels.ERROR));
    /** Xorg's {@code (II)}, {@code (WW)}, {@code (EE)}: only when decorated. */
    private static final Map<String, String> DOUBLED = Map.of("II", LogLevels.INFO, "WW", LogLevels.WARN, "EE", LogLevels.ERROR,
            "NI", LogLevels.INFO);
    private static final String LETTERS = "TDIWEFV";

    private LevelRecognizer() {
    }

    /** A level found: normalized ({@code WARN}) and as written ({@code wrn}). */
    public record Level(String normalized, String original) {
    }

    /**
     * The level among the leading tokens of {@code line}; {@code timeStart}/{@code timeEnd} delimit the time found in it
     * (both -1 when none).
     */
    public static Optional<Level> find(String line, int timeStart, int timeEnd) {
        boolean timed = timeStart >= 0;
        int limit = Math.min(line.length(), (timed ? timeEnd : 0) + SPAN);
        int position = 0;
        int counted = 0;
        boolean pastTime = false;
        int sinceTime = 0;
        while (position < limit && counted < TOKENS) {
            while (position < limit && Character.isWhitespace(line.charAt(position))) {
                position++;
            }
            int end = position;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            if (end == position) {
                break;
            }
            if (timed && end > timeStart && position < timeEnd) {
                // the time's own token: a level glued before or after it ([ns_server:info,2026-…, …,123][INFO ) is still read
                if (position < timeStart) {
                    Optional<Level> before = inToken(line.substring(position, timeStart), true, true);
                    if (before.isPresent()) {
                        return before;
                    }
                }
                if (end > timeEnd) {
                    Optional<Level> glued = inToken(line.substring(timeEnd, end), true, true);
                    if (glued.isPresent()) {
                        return glued;
                    }
                }
                pastTime = true;
                position = end;
                continue;
            }
            boolean lowerCaseAllowed = pastTime ? sinceTime == 0 : counted == 0;
            boolean anyCase = counted < ANY_CASE_TOKENS;
            Optional<Level> level = inToken(line.substring(position, end), timed, lowerCaseAllowed)
                    .filter(found -> anyCase || found.original().equals(found.original().toUpperCase(Locale.ROOT))
                            && found.original().length() >= 3);
            if (level.isPresent()) {
                return level;
            }
            counted++;
            if (pastTime) {
                sinceTime++;
            }
            position = end;
        }
        return Optional.empty();
    }

    /** A token's level: its core without decorations, or one of the parts a slash, colon or bar separates. */
    private static Optional<Level> inToken(String token, boolean timed, boolean bareLowerCaseAllowed) {
        if (token.length() >= 3 && token.charAt(0) == '<' && token.charAt(1) >= '0' && token.charAt(1) <= '7' && token.charAt(2) == '>') {
            return Optional.of(new Level(Levels.normalize(token.substring(1, 2)), token.substring(0, 3))); // printk's <3>
        }
        String core = strip(token);
        boolean decorated = core.length() < token.length();
        for (String part : core.split("[/:|=()\\[\\]]")) {
            boolean inPieces = part.length() < core.length();
            Optional<Level> level = word(part, timed, decorated || inPieces, bareLowerCaseAllowed);
            if (level.isPresent()) {
                return level;
            }
        }
        return Optional.empty();
    }

    private static Optional<Level> word(String word, boolean timed, boolean decorated, boolean bareLowerCaseAllowed) {
        if (word.isEmpty() || !Character.isLetter(word.charAt(0))) {
            return Optional.empty();
        }
        String upper = word.toUpperCase(Locale.ROOT);
        boolean upperCase = upper.equals(word);
        if (word.length() == 1) {
            return timed && upperCase && LETTERS.indexOf(word.charAt(0)) >= 0
                    ? Optional.of(new Level(word.equals("V") ? LogLevels.TRACE : Levels.normalize(word), word)) : Optional.empty();
        }
        String normalized = decorated && DOUBLED.containsKey(upper) ? DOUBLED.get(upper) : null;
        if (normalized == null && word.length() >= 3) {
            normalized = Levels.normalize(upper);
            if (normalized == null) {
                normalized = MORE_WORDS.get(upper);
            }
        }
        if (normalized == null) {
            return Optional.empty();
        }
        boolean capitalized = Character.isUpperCase(word.charAt(0));
        boolean accepted = upperCase || decorated || capitalized && timed || bareLowerCaseAllowed;
        return accepted ? Optional.of(new Level(normalized, word)) : Optional.empty();
    }

    /** Without the brackets, quotes and punctuation around it: {@code [INFO]}, {@code <Notice>:}, {@code (WW)}, {@code INFO:}, {@code |INFO|}. */
    private static String strip(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && "[(<{|\"'*=,;-".indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "])>}|\"'*:,;.-".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(start, end);
    }
}
