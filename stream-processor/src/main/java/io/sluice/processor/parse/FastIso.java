package io.sluice.processor.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The common timestamp form — {@code yyyy-MM-dd[T ]HH:mm:ss[.,fraction][Z|±hh:mm|±hhmm]} — read by hand:
 * {@code OffsetDateTime.parse} was a sixth of the processor's CPU time. Anything else (or anything out
 * of range) returns null and takes the general path in {@link Timestamps}.
 */
final class FastIso {

    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private FastIso() {
    }

    static Instant parse(String text, ZoneId zone) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(10) != 'T' && text.charAt(10) != ' ') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (at < length && (text.charAt(at) == '.' || text.charAt(at) == ',')) {
            int start = ++at;
            while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
                nanos = nanos * 10 + (text.charAt(at++) - '0');
            }
            if (at == start || at < length && isDigit(text.charAt(at))) {
                return null;
            }
            nanos *= NANO_SCALE[at - start];
        }
        ZoneOffset offset = offset(text, at);
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            if (offset != null) {
                return local.toInstant(offset);
            }
            return at == length ? local.atZone(zone).toInstant() : null;
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The offset that ends the text at {@code at}, or null when there is none or it is not one. */
    private static ZoneOffset offset(String text, int at) {
        int length = text.length();
        if (at == length - 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (at < length && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
            int sign = text.charAt(at) == '-' ? -1 : 1;
            boolean colon = length - at == 6 && text.charAt(at + 3) == ':';
            if (!colon && length - at != 5) {
                return null;
            }
            int hours = digits(text, at + 1, 2);
            int minutes = digits(text, at + (colon ? 4 : 3), 2);
            if (hours < 0 || minutes < 0) {
                return null;
            }
            try {
                return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException outOfRange) {
                return null;
            }
        }
        return null;
    }

    /** The number written by {@code count} digits from {@code from}, or -1 when they are not all digits. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
