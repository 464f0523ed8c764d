package io.sluice.processor.recognize;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One way real systems write a time, as a regular expression whose named groups say what each part is: {@code y}
 * (four-digit year), {@code yy} (two digits), {@code mon} (a month name), {@code m}/{@code d} (month and day),
 * {@code a}/{@code b} (two numbers whose day/month order the source decides), {@code p1}-{@code p3} (three two-digit
 * numbers of a date in an order the source decides), {@code ymd} (six digits, yyMMdd), {@code H}, {@code M}, {@code S},
 * {@code f} (fraction), {@code ampm}, {@code z} (zone) and {@code epoch}. A layout only matches at the start of a token.
 *
 * @param name what the layout is called in tests
 */
record TimeLayout(String name, Pattern pattern, Set<String> groups) {

    /** Not inside a word, a number or a dotted name (a file name's date is not the event's). */
    private static final String TOKEN_START = "(?<![\\w.])";

    static TimeLayout of(String name, String regex) {
        Set<String> groups = new HashSet<>();
        Matcher named = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(regex);
        while (named.find()) {
            groups.add(named.group(1));
        }
        return new TimeLayout(name, Pattern.compile(TOKEN_START + regex, Pattern.CASE_INSENSITIVE), Set.copyOf(groups));
    }

    /** The group's text, or null when the layout has no such group or it did not take part. */
    String group(Matcher matcher, String group) {
        return groups.contains(group) ? matcher.group(group) : null;
    }
}
