package io.sluice.syslog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.time.temporal.ChronoField;

/**
 * Parses one syslog frame: RFC 5424 ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG}) or the
 * older RFC 3164 ({@code <PRI>Mmm dd hh:mm:ss HOST TAG[pid]: MSG}). RFC 3164 dates have no year and
 * no zone: the zone is the source's (UTC unless told), and the year is the one that puts the date
 * closest to the reference time — never more than a day ahead (so a December line read on January 1st
 * keeps last year).
 */
public final class SyslogParser {

    /** "Nov 22 10:15:30"; parsed in the leap year 2000 so that Feb 29 reads, then given its real year. */
    private static final DateTimeFormatter BSD_DATE = new DateTimeFormatterBuilder()
            .appendPattern("MMM d HH:mm:ss")
            .parseDefaulting(ChronoField.YEAR, 2000)
            .toFormatter(Locale.ENGLISH);
    private static final String NIL = "-";

    private final Clock clock;

    public SyslogParser(Clock clock) {
        this.clock = clock;
    }

    public SyslogMessage parse(String frame) {
        return parse(frame, ZoneOffset.UTC, clock.instant());
    }

    /**
     * @param zone the zone of RFC 3164 dates, which carry none
     * @param reference when the frame was received: picks the year of an RFC 3164 date
     */
    public SyslogMessage parse(String frame, ZoneId zone, Instant reference) {
        SyslogCursor in = new SyslogCursor(frame);
        int priority = priority(in);
        if (in.startsWith("1 ")) {
            in.skip(2);
            return rfc5424(priority, in);
        }
        return rfc3164(priority, in, zone, reference);
    }

    /**
     * The instant of a yearless "Mmm d HH:mm:ss" date: in the given zone, in the year that keeps it at
     * most a day after the reference time. Empty when the text is not such a date.
     */
    public static Optional<Instant> bsdDate(String text, ZoneId zone, Instant reference) {
        try {
            return Optional.of(withYear(LocalDateTime.parse(text.replace("  ", " "), BSD_DATE), zone, reference));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static int priority(SyslogCursor in) {
        if (!in.startsWith("<")) {
            throw new SyslogFormatException("a syslog message starts with <PRI>");
        }
        int close = in.text.indexOf('>', in.at);
        if (close < 2 || close > 4) {
            throw new SyslogFormatException("malformed <PRI>");
        }
        int priority;
        try {
            priority = Integer.parseInt(in.text.substring(in.at + 1, close));
        } catch (NumberFormatException e) {
            throw new SyslogFormatException("malformed <PRI>");
        }
        if (priority > 191) {
            throw new SyslogFormatException("<PRI> above 191");
        }
        in.at = close + 1;
        return priority;
    }

    private SyslogMessage rfc5424(int priority, SyslogCursor in) {
        String timestamp = in.word();
        String host = nil(in.word());
        String app = nil(in.word());
        String procId = nil(in.word());
        String msgId = nil(in.word());
        Map<String, String> structured = structuredData(in);
        String message = cleanMessage(in.rest());
        Instant time = null;
        if (!NIL.equals(timestamp)) {
            try {
                time = OffsetDateTime.parse(timestamp).toInstant();
            } catch (DateTimeParseException e) {
                throw new SyslogFormatException("RFC 5424 timestamp is not RFC 3339: " + timestamp);
            }
        }
        return new SyslogMessage(priority / 8, priority % 8, time, host, app, procId, msgId, structured, message);
    }

    private SyslogMessage rfc3164(int priority, SyslogCursor in, ZoneId zone, Instant reference) {
        Instant time = null;
        if (in.remaining() >= 15) {
            time = bsdDate(in.text.substring(in.at, in.at + 15), zone, reference).orElse(null);
            if (time != null) {
                in.skip(16);
            }
        }
        String host = time == null ? null : in.word();
        String rest = in.rest();
        int colon = rest.indexOf(": ");
        String tag = colon > 0 && colon < 64 && !rest.substring(0, colon).contains(" ") ? rest.substring(0, colon) : null;
        String message = cleanMessage(tag == null ? rest : rest.substring(colon + 2));
        String procId = null;
        if (tag != null && tag.endsWith("]") && tag.contains("[")) {
            procId = tag.substring(tag.indexOf('[') + 1, tag.length() - 1);
            tag = tag.substring(0, tag.indexOf('['));
        }
        return new SyslogMessage(priority / 8, priority % 8, time, host, tag, procId, null, Map.of(), message);
    }

    private static Instant withYear(LocalDateTime parsed, ZoneId zone, Instant reference) {
        int year = reference.atZone(zone).getYear();
        Instant candidate = parsed.withYear(year).atZone(zone).toInstant();
        return candidate.isAfter(reference.plusSeconds(86_400)) ? parsed.withYear(year - 1).atZone(zone).toInstant() : candidate;
    }

    private static Map<String, String> structuredData(SyslogCursor in) {
        Map<String, String> data = new LinkedHashMap<>();
        if (in.startsWith(NIL)) {
            in.skip(1);
            in.skipSpace();
            return data;
        }
        while (in.startsWith("[")) {
            in.skip(1);
            String id = in.until(' ', ']');
            while (in.startsWith(" ")) {
                in.skip(1);
                String name = in.until('=', ']');
                in.expect("=\"");
                data.put("sd." + id + "." + name, in.quoted());
            }
            in.expect("]");
        }
        in.skipSpace();
        return data;
    }

    /**
     * MSG without a BOM, without the leading spaces senders like rsyslog leave in it, and without
     * the line end that octet-counted frames may include.
     */
    private static String cleanMessage(String message) {
        int start = message.startsWith("\uFEFF") ? 1 : 0;
        while (start < message.length() && message.charAt(start) == ' ') {
            start++;
        }
        int end = message.length();
        while (end > start && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r')) {
            end--;
        }
        return message.substring(start, end);
    }

    private static String nil(String value) {
        return NIL.equals(value) ? null : value;
    }
}
