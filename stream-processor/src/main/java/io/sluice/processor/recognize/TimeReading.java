package io.sluice.processor.recognize;

import io.sluice.processor.parse.TimeContext;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Turns what a {@link TimeLayout} matched into an instant: a date without a year gets the year that does not put it
 * ahead of reception, a bare time of day the day that does not (more than 12 hours), a time without a zone the
 * source's zone. Null when the parts do not make a real date (a 31st of April, a 13th month) or an epoch is
 * implausible (before 30 years ago, after tomorrow): the match was not a time.
 */
final class TimeReading {

    private static final Duration EPOCH_PAST = Duration.ofDays(30 * 366);
    private static final Duration AHEAD = Duration.ofDays(1);
    private static final long TIME_OF_DAY_AHEAD_SECONDS = 12 * 3600;
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private TimeReading() {
    }

    static Instant read(TimeLayout layout, Matcher matcher, DateOrders orders, TimeContext time) {
        try {
            String epoch = layout.group(matcher, "epoch");
            if (epoch != null) {
                return epoch(epoch, time);
            }
            LocalTime clock = clock(layout, matcher);
            if (clock == null) {
                return null;
            }
            ZoneId zone = zone(layout.group(matcher, "z"), time.zone());
            LocalDate received = time.received().atZone(zone).toLocalDate();
            if (layout.groups().contains("p1")) {
                return threePart(layout, matcher, orders, clock, zone, time);
            }
            Integer month = month(layout, matcher, orders);
            if (month == null) {
                return timeOfDay(clock, zone, time);
            }
            int day = day(layout, matcher, orders);
            Integer year = year(layout, matcher);
            if (year == null) {
                Instant thisYear = LocalDateTime.of(LocalDate.of(received.getYear(), month, day), clock).atZone(zone).toInstant();
                return thisYear.isAfter(time.received().plus(AHEAD))
                        ? LocalDateTime.of(LocalDate.of(received.getYear() - 1, month, day), clock).atZone(zone).toInstant() : thisYear;
            }
            return LocalDateTime.of(LocalDate.of(year, month, day), clock).atZone(zone).toInstant();
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Instant epoch(String text, TimeContext time) {
        BigDecimal value = new BigDecimal(text);
        Instant instant = text.length() == 13 ? Instant.ofEpochMilli(value.longValue())
                : Instant.ofEpochSecond(value.longValue(), value.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        boolean plausible = instant.isAfter(time.received().minus(EPOCH_PAST)) && instant.isBefore(time.received().plus(AHEAD));
        return plausible ? instant : null;
    }

    private static LocalTime clock(TimeLayout layout, Matcher matcher) {
        int hour = Integer.parseInt(layout.group(matcher, "H"));
        String ampm = layout.group(matcher, "ampm");
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        String seconds = layout.group(matcher, "S");
        int second = seconds == null ? 0 : Math.min(59, Integer.parseInt(seconds)); // a leap second is the last one
        String fraction = layout.group(matcher, "f");
        int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
        return LocalTime.of(hour, Integer.parseInt(layout.group(matcher, "M")), second, nanos);
    }

    private static ZoneId zone(String zone, ZoneId sourceZone) {
        if (zone == null) {
            return sourceZone;
        }
        String upper = zone.toUpperCase(Locale.ROOT);
        if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = upper.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = Integer.parseInt(digits.substring(3, 5));
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** The month, from a name, a number or a day/month pair; null for a layout without a date. */
    private static Integer month(TimeLayout layout, Matcher matcher, DateOrders orders) {
        String name = layout.group(matcher, "mon");
        if (name != null) {
            String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
            for (int i = 0; i < MONTHS.length; i++) {
                if (MONTHS[i].equals(prefix)) {
                    return i + 1;
                }
            }
            return null;
        }
        String ymd = layout.group(matcher, "ymd");
        if (ymd != null) {
            return Integer.parseInt(ymd.substring(2, 4));
        }
        String a = layout.group(matcher, "a");
        if (a != null) {
            return pairDayFirst(layout, matcher, orders) ? Integer.parseInt(layout.group(matcher, "b")) : Integer.parseInt(a);
        }
        String month = layout.group(matcher, "m");
        return month == null ? null : Integer.parseInt(month);
    }

    private static int day(TimeLayout layout, Matcher matcher, DateOrders orders) {
        String ymd = layout.group(matcher, "ymd");
        if (ymd != null) {
            return Integer.parseInt(ymd.substring(4, 6));
        }
        String a = layout.group(matcher, "a");
        if (a != null) {
            return pairDayFirst(layout, matcher, orders) ? Integer.parseInt(a) : Integer.parseInt(layout.group(matcher, "b"));
        }
        return Integer.parseInt(layout.group(matcher, "d"));
    }

    /** Day first when the source has shown it, else by convention: {@code .} and {@code -} separate day-first dates, {@code /} month-first. */
    private static boolean pairDayFirst(TimeLayout layout, Matcher matcher, DateOrders orders) {
        String separator = layout.group(matcher, "sep");
        boolean conventional = !"/".equals(separator);
        return orders.dayFirst(Integer.parseInt(layout.group(matcher, "a")), Integer.parseInt(layout.group(matcher, "b")), conventional);
    }

    private static Integer year(TimeLayout layout, Matcher matcher) {
        String ymd = layout.group(matcher, "ymd");
        if (ymd != null) {
            return twoDigitYear(Integer.parseInt(ymd.substring(0, 2)));
        }
        for (String group : new String[] {"y", "y2"}) {
            String year = layout.group(matcher, group);
            if (year != null) {
                return year.length() == 2 ? twoDigitYear(Integer.parseInt(year)) : Integer.parseInt(year);
            }
        }
        return null;
    }

    /** 00-69 are 2000s, 70-99 1900s (POSIX's strptime rule). */
    private static int twoDigitYear(int year) {
        return year < 70 ? 2000 + year : 1900 + year;
    }

    /** Three two-digit numbers: each order still possible for the source that gives a real date; the latest not ahead of reception. */
    private static Instant threePart(TimeLayout layout, Matcher matcher, DateOrders orders, LocalTime clock, ZoneId zone, TimeContext time) {
        int p1 = Integer.parseInt(layout.group(matcher, "p1"));
        int p2 = Integer.parseInt(layout.group(matcher, "p2"));
        int p3 = Integer.parseInt(layout.group(matcher, "p3"));
        Instant[] candidates = {
                instant(twoDigitYear(p1), p2, p3, clock, zone), instant(twoDigitYear(p3), p1, p2, clock, zone),
                instant(twoDigitYear(p3), p2, p1, clock, zone)};
        int valid = 0;
        for (int order = 0; order < candidates.length; order++) {
            if (candidates[order] != null && !candidates[order].isAfter(time.received().plus(AHEAD))) {
                valid |= 1 << order;
            }
        }
        int possible = orders.threePartOrders(valid);
        Instant best = null;
        for (int order = 0; order < candidates.length; order++) {
            if ((possible & (1 << order)) != 0 && (best == null || candidates[order].isAfter(best))) {
                best = candidates[order];
            }
        }
        return best;
    }

    private static Instant instant(int year, int month, int day, LocalTime clock, ZoneId zone) {
        try {
            return LocalDateTime.of(LocalDate.of(year, month, day), clock).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant timeOfDay(LocalTime clock, ZoneId zone, TimeContext time) {
        ZonedDateTime received = time.received().atZone(zone);
        Instant candidate = received.with(clock).toInstant();
        return candidate.isAfter(time.received().plusSeconds(TIME_OF_DAY_AHEAD_SECONDS)) ? received.minusDays(1).with(clock).toInstant()
                : candidate;
    }
}
