package io.sluice.processor.recognize;

import java.util.List;

/**
 * The ways of writing a time that automatic recognition knows, from the most to the least specific. Learning a source
 * tries them all on its line's leading part and keeps the one that matches earliest; after that, a line costs one of
 * them. Together they read ISO and its variants (any of {@code -/.} between the date's parts, {@code T}, space,
 * {@code _}, {@code -} or {@code :} before the time, {@code .,:} before a fraction), compact dates ({@code 20261130},
 * {@code 261130}), two-digit years, month names before or after the day, 12-hour clocks, a date and a time in separate
 * fields, dates without a year, a bare time of day, and epoch seconds or milliseconds.
 */
final class TimeLayouts {

    private static final String MONTH = "(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?";
    /** Hours, minutes, optional seconds, optional fraction after {@code .}, {@code ,} or {@code :}. */
    private static final String CLOCK = "(?<H>[01]?\\d|2[0-3]):(?<M>[0-5]\\d)(?::(?<S>[0-5]\\d|60))?(?:[.,:](?<f>\\d{1,9}))?";
    /** The same with {@code .} allowed between the parts (DB2, BGL: {@code 15.42.50.675872}). */
    /** A clock with seconds: what a line needs to be read by its time alone. */
    private static final String CLOCK_SECONDS = "(?<H>[01]?\\d|2[0-3]):(?<M>[0-5]\\d):(?<S>[0-5]\\d|60)(?:[.,:](?<f>\\d{1,9}))?";
    private static final String CLOCK_DOTS = "(?<H>[01]?\\d|2[0-3])[:.](?<M>[0-5]\\d)(?:[:.](?<S>[0-5]\\d|60))?(?:[.,:](?<f>\\d{1,9}))?";
    private static final String AMPM = "(?:\\s?(?<ampm>[ap]\\.?m\\.?)(?![a-z]))?";
    private static final String ZONE = "(?:\\s?(?<z>z|[+-]\\d{2}:?\\d{2}|utc|gmt)(?![a-z]))?";
    private static final String END = "(?!\\d)";
    /** Between a date and its time: {@code T}, spaces, {@code _}, {@code -}, {@code :}/{@code ::}, a comma, a semicolon or a bar. */
    private static final String DATE_TIME = "(?:[T_]|\\s+|-|::?|,\\s*|;|\\s*\\|\\s*)";

    static final List<TimeLayout> ALL = List.of(
            // 2026-11-30T10:15:30.123Z, 2026/11/30 10:15:30, 2026.11.30 10:15:30.123456, 2005-06-03-15.42.50.675872, 2017-05-16_13:53:08
            TimeLayout.of("ymd", "(?<y>(?:19|20)\\d{2})(?<sep>[-/.])(?<m>0?[1-9]|1[0-2])\\k<sep>(?<d>[0-2]?\\d|3[01])" + DATE_TIME
                    + CLOCK_DOTS + AMPM + ZONE + END),
            // 20171223-22:15:29:606, 20261130T101530Z, 20261130:101530.123
            TimeLayout.of("ymd-compact", "(?<y>(?:19|20)\\d{2})(?<m>0[1-9]|1[0-2])(?<d>[0-2]\\d|3[01])(?:[T_:-]|\\s+)"
                    + "(?<H>[01]\\d|2[0-3]):?(?<M>[0-5]\\d):?(?<S>[0-5]\\d)(?:[.,:](?<f>\\d{1,9}))?" + ZONE + END),
            // 11/30/2026 10:15:30 AM, 30.11.2026 10:15:30, 30-11-2026 10:15:30
            TimeLayout.of("ab-year", "(?<a>[0-3]?\\d)(?<sep>[-/.])(?<b>[0-3]?\\d)\\k<sep>(?<y>(?:19|20)\\d{2})" + DATE_TIME + CLOCK + AMPM
                    + ZONE + END),
            // 17/06/09 20:10:40 (yy/MM/dd), 11/30/26 10:15:30 (MM/dd/yy), 00,11/30/26,10:15:30
            TimeLayout.of("three-two-digit", "(?<p1>\\d{2})(?<sep>[-/.])(?<p2>\\d{2})\\k<sep>(?<p3>\\d{2})" + DATE_TIME + CLOCK + AMPM
                    + ZONE + END),
            // 081109 203615 (HDFS), 161130 10:15:30 and 161130  9:15:30 (MySQL 5)
            TimeLayout.of("yymmdd", "(?<ymd>\\d{6})\\s+(?<H>[01]?\\d|2[0-3]):?(?<M>[0-5]\\d):?(?<S>[0-5]\\d)(?:[.,](?<f>\\d{1,9}))?" + END),
            // Nov 30 10:15:30, Mon Nov 30 10:15:30.123 2026, Nov 30, 2026 10:15:30 AM, Nov 30 2026 10:15:30
            TimeLayout.of("month-day", WEEKDAY + MONTH + "\\s+(?<d>[0-2]?\\d|3[01])(?:st|nd|rd|th)?,?\\s+(?:(?<y>(?:19|20)\\d{2}),?\\s+)?"
                    + CLOCK + AMPM + "(?:\\s+(?<y2>(?:19|20)\\d{2}))?" + ZONE + END),
            // 30-Nov-2026 10:15:30.123, 30/Nov/2026:10:15:30 +0000, 30 Nov 2026 10:15:30, 30-Nov-2026::10:15:30
            TimeLayout.of("day-month", WEEKDAY + "(?<d>[0-2]?\\d|3[01])[-/ ]" + MONTH + "[-/ ](?<y>(?:19|20)\\d{2}|\\d{2})" + DATE_TIME + CLOCK
                    + AMPM + ZONE + END),
            // 2026-Nov-30 10:15:30
            TimeLayout.of("year-month-day", "(?<y>(?:19|20)\\d{2})[-/ ]" + MONTH + "[-/ ](?<d>[0-2]?\\d|3[01])" + DATE_TIME + CLOCK + ZONE + END),
            // 03-17 16:13:38.811 (Android), 11/30-10:15:30.123456 (Snort), 10.30 16:49:06 (Proxifier)
            TimeLayout.of("month-day-numeric", "(?<m>0[1-9]|1[0-2])[-/.](?<d>[0-2]\\d|3[01])(?:\\s+|-)" + CLOCK_SECONDS + END),
            // 1130/101530.123 (Chromium)
            TimeLayout.of("mmdd-hhmmss", "(?<m>0[1-9]|1[0-2])(?<d>[0-2]\\d|3[01])/(?<H>[01]\\d|2[0-3])(?<M>[0-5]\\d)(?<S>[0-5]\\d)"
                    + "(?:\\.(?<f>\\d{1,9}))?" + END),
            // I1130 10:15:30.123456 (klog, glog: the level letter glued to the date)
            TimeLayout.of("klog", "(?<lvl>[IWEF])(?<m>0[1-9]|1[0-2])(?<d>[0-2]\\d|3[01])\\s+" + CLOCK_SECONDS + END),
            // 1700000000, 1700000000.123456, 1700000000123 (checked against the time received)
            TimeLayout.of("epoch", "(?<epoch>\\d{10}(?:\\.\\d{1,9})?|\\d{13})(?![\\d.])"),
            // 10:15:30, 10:15:30.123, 10:15:30 PM: today's (yesterday's when that is too far ahead); not after a date it failed to read
            TimeLayout.of("time-of-day", "(?<!\\d[-/.]\\d{1,4}[\\sT_])" + CLOCK_SECONDS + AMPM + END));

    private TimeLayouts() {
    }
}
