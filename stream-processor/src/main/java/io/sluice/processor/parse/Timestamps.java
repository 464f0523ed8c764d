package io.sluice.processor.parse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads timestamps in the forms logs use: ISO-8601 with or without zone (no zone means UTC), a space
 * instead of 'T', a comma before the fraction, epoch seconds or milliseconds, and the bracketed
 * Apache/nginx form {@code [22/Nov/2026:10:15:30 +0000]}.
 */
public final class Timestamps {

    static final Pattern LEADING_ISO = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?)");
    static final Pattern BRACKETED_CLF = Pattern.compile("\\[(\\d{2}/[A-Za-z]{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})]");
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Timestamps() {
    }

    public static Optional<Instant> parseText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String iso = text.strip().replace(',', '.');
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        iso = COMPACT_OFFSET.matcher(iso).replaceFirst("$1:$2");
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException withoutZone) {
            try {
                return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notIso) {
                return parseNumber(text.strip());
            }
        }
    }

    /** Epoch seconds (with fraction) or, for values too large to be seconds, epoch milliseconds. */
    public static Optional<Instant> parseNumber(String number) {
        try {
            BigDecimal value = new BigDecimal(number);
            if (value.abs().compareTo(BigDecimal.valueOf(MILLIS_THRESHOLD)) >= 0) {
                return Optional.of(Instant.ofEpochMilli(value.longValue()));
            }
            long seconds = value.longValue();
            long nanos = value.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
            return Optional.of(Instant.ofEpochSecond(seconds, nanos));
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A timestamp at the start of a plain-text line, or a bracketed access-log one anywhere in it. */
    public static Optional<Instant> findInLine(String line) {
        Matcher leading = LEADING_ISO.matcher(line);
        if (leading.find()) {
            return parseText(leading.group(1));
        }
        Matcher clf = BRACKETED_CLF.matcher(line);
        if (clf.find()) {
            try {
                return Optional.of(ZonedDateTime.parse(clf.group(1), CLF).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
