package io.sluice.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Daily index names, {@code logs-<service>-<yyyy.MM.dd>}, from the event's UTC day. The service part
 * is reduced to what Elasticsearch allows in an index name.
 */
public final class IndexNames {

    public static final String PATTERN = "logs-*";
    private static final int MAX_SERVICE_LENGTH = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
    private static final int DAY_LENGTH = "yyyy.MM.dd".length();

    private IndexNames() {
    }

    /** The monthly audit index of alerts and their deliveries: {@code sluice-alerts-yyyy.MM}. */
    public static String alerts(Instant decidedAt) {
        return MonthlyIndex.Family.ALERTS.prefix() + MONTH.format(decidedAt);
    }

    /** The monthly index of dead-lettered records: {@code sluice-dlq-yyyy.MM}. */
    public static String deadLetters(Instant deadLetteredAt) {
        return MonthlyIndex.Family.DEAD_LETTERS.prefix() + MONTH.format(deadLetteredAt);
    }

    public static String daily(String service, Instant timestamp) {
        return "logs-" + safeService(service) + "-" + DAY.format(timestamp);
    }

    /** The service and day of a daily index name; empty for any other index. */
    public static Optional<DailyIndex> parse(String index) {
        int dayStart = index.length() - DAY_LENGTH;
        if (!index.startsWith("logs-") || dayStart < "logs-x-".length() || index.charAt(dayStart - 1) != '-') {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(index.substring(dayStart), DAY);
            return Optional.of(new DailyIndex(index, index.substring("logs-".length(), dayStart - 1), day));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The family and month of a monthly index name ({@code sluice-alerts-…}, {@code sluice-dlq-…}); empty for any other. */
    public static Optional<MonthlyIndex> parseMonthly(String index) {
        for (MonthlyIndex.Family family : MonthlyIndex.Family.values()) {
            if (index.startsWith(family.prefix())) {
                try {
                    return Optional.of(new MonthlyIndex(index, family,
                            java.time.YearMonth.parse(index.substring(family.prefix().length()), MONTH)));
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** A monthly index: its name, what it holds and its UTC month. */
    public record MonthlyIndex(String name, Family family, java.time.YearMonth month) {

        /** What a monthly index holds. */
        public enum Family {
            ALERTS("sluice-alerts-"),
            DEAD_LETTERS("sluice-dlq-");

            private final String prefix;

            Family(String prefix) {
                this.prefix = prefix;
            }

            public String prefix() {
                return prefix;
            }

            public String pattern() {
                return prefix + "*";
            }
        }
    }

    /** A daily index: its name, the (safe) service name in it and its UTC day. */
    public record DailyIndex(String name, String service, LocalDate day) {
    }

    /** Lower case; anything but letters, digits, '_' and '-' becomes '-'; never empty. */
    public static String safeService(String service) {
        String lower = service == null ? "" : service.toLowerCase(Locale.ROOT);
        StringBuilder safe = new StringBuilder(Math.min(lower.length(), MAX_SERVICE_LENGTH));
        for (int i = 0; i < lower.length() && safe.length() < MAX_SERVICE_LENGTH; i++) {
            char c = lower.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            safe.append(allowed ? c : '-');
        }
        while (safe.length() > 0 && (safe.charAt(0) == '-' || safe.charAt(0) == '_')) {
            safe.deleteCharAt(0);
        }
        return safe.length() == 0 ? "unknown" : safe.toString();
    }
}
