package io.sluice.processor.parse;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What web servers commonly write after the combined log format, read into fields: nginx's
 * {@code rt=$request_time uct="…" urt="…"} key-value pairs (each a label; {@code rt} or {@code
 * request_time} is the duration, in seconds), or a bare number — with a decimal point nginx's {@code
 * $request_time} in seconds, without one Apache's {@code %D} in microseconds. The duration becomes ECS
 * {@code event.duration}, in nanoseconds.
 */
final class AccessTail {

    static final String CAPTURE = "sluice.access_tail";
    private static final String DURATION = "event.duration";
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][\\w.-]{0,40})=(?:\"([^\"]*)\"|(\\S+))");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}\\.\\d{1,9}");
    private static final Pattern MICROSECONDS = Pattern.compile("\\d{1,15}");
    private static final int MAX_PAIRS = 20;

    private AccessTail() {
    }

    /** The fields the tail carries, by their label names, the duration as {@code event.duration} in nanoseconds. */
    static Map<String, String> read(String tail) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = tail.strip();
        Matcher pair = PAIR.matcher(text);
        while (pair.find() && fields.size() < MAX_PAIRS) {
            String value = pair.group(2) != null ? pair.group(2) : pair.group(3);
            String key = pair.group(1);
            if ((key.equals("rt") || key.equals("request_time")) && SECONDS.matcher(value).matches()) {
                fields.put(DURATION, nanosOfSeconds(value));
            }
            if (!value.isEmpty() && !value.equals("-")) {
                fields.put(key, value);
            }
        }
        if (fields.isEmpty()) {
            String last = text.substring(text.lastIndexOf(' ') + 1);
            if (SECONDS.matcher(last).matches()) {
                fields.put(DURATION, nanosOfSeconds(last));
            } else if (MICROSECONDS.matcher(last).matches() && text.indexOf(' ') < 0) {
                fields.put(DURATION, Long.toString(Long.parseLong(last) * 1_000));
            }
        }
        return fields;
    }

    private static String nanosOfSeconds(String seconds) {
        return new BigDecimal(seconds).movePointRight(9).toBigInteger().toString();
    }
}
