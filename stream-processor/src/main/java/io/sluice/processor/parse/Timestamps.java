package io.sluice.processor.parse;

import io.sluice.syslog.SyslogParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads timestamps in the forms logs use: ISO-8601 with or without zone, a space instead of 'T', a
 * comma before the fraction, epoch seconds or milliseconds, Apache/nginx {@code 22/Nov/2026:10:15:30 +0000},
 * Apache error logs' {@code Sun Nov 22 10:15:30.123456 2026}, Go's {@code 2026/11/22 10:15:30}, yearless
 * syslog {@code Nov 22 10:15:30} and a bare time of day, given as a field's value. A timestamp without a zone is in
 * the source's zone; one without a year or date gets the one that does not put it in the future. (Finding a time in a
 * free-text line is {@code io.sluice.processor.recognize.TimeRecognizer}'s job.)
 */
public final class Timestamps {

    /** Apache/nginx {@code 22/Nov/2026:10:15:30 +0000}; HAProxy's has milliseconds and no zone. */
    private static final DateTimeFormatter CLF = new DateTimeFormatterBuilder()
            .appendPattern("dd/MMM/yyyy:HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendPattern(" Z").optionalEnd()
            .toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter APACHE_ERROR = new DateTimeFormatterBuilder()
            .appendPattern("EEE MMM d HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendPattern(" yyyy")
            .toFormatter(Locale.ENGLISH);
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern BSD = Pattern.compile("^[A-Z][a-z]{2} [ \\d]?\\d \\d{2}:\\d{2}:\\d{2}$");
    private static final Pattern TIME_OF_DAY = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?$");
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    /** A bare time of day later than this after reception is yesterday's (a line written just before midnight). */
    private static final long TIME_OF_DAY_AHEAD_SECONDS = 12 * 3600;

    private Timestamps() {
    }

    /** Any of the supported forms; a form without zone, year or date is completed from the context. */
    public static Optional<Instant> parseText(String text, TimeContext time) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        Optional<Instant> iso = iso(value, time);
        if (iso.isPresent()) {
            return iso;
        }
        if (BSD.matcher(value).matches()) {
            return SyslogParser.bsdDate(value, time.zone(), time.received());
        }
        if (TIME_OF_DAY.matcher(value).matches()) {
            return timeOfDay(value, time);
        }
        Optional<Instant> formatted = formatted(value, time);
        return formatted.isPresent() ? formatted : parseNumber(value);
    }

    private static Optional<Instant> iso(String value, TimeContext time) {
        Instant fast = FastIso.parse(value, time.zone());
        if (fast != null) {
            return Optional.of(fast);
        }
        String iso = value.replace(',', '.');
        if (iso.length() > 10 && (iso.charAt(4) == '/' && iso.charAt(7) == '/')) {
            iso = iso.substring(0, 4) + '-' + iso.substring(5, 7) + '-' + iso.substring(8);
        }
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        iso = COMPACT_OFFSET.matcher(iso).replaceFirst("$1:$2");
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException withoutZone) {
            try {
                return Optional.of(LocalDateTime.parse(iso).atZone(time.zone()).toInstant());
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Instant> formatted(String value, TimeContext time) {
        try {
            java.time.temporal.TemporalAccessor clf = CLF.parse(value);
            LocalDateTime local = LocalDateTime.from(clf);
            return Optional.of(clf.isSupported(ChronoField.OFFSET_SECONDS)
                    ? local.toInstant(java.time.ZoneOffset.ofTotalSeconds(clf.get(ChronoField.OFFSET_SECONDS)))
                    : local.atZone(time.zone()).toInstant());
        } catch (DateTimeParseException notClf) {
            try {
                return Optional.of(LocalDateTime.parse(value, APACHE_ERROR).atZone(time.zone()).toInstant());
            } catch (DateTimeParseException notApacheError) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Instant> timeOfDay(String value, TimeContext time) {
        try {
            LocalTime clock = LocalTime.parse(value.replace(',', '.'));
            ZonedDateTime received = time.received().atZone(time.zone());
            Instant candidate = received.with(clock).toInstant();
            return Optional.of(candidate.isAfter(time.received().plusSeconds(TIME_OF_DAY_AHEAD_SECONDS))
                    ? received.minusDays(1).with(clock).toInstant() : candidate);
        } catch (DateTimeParseException e) {
            return Optional.empty();
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
}
