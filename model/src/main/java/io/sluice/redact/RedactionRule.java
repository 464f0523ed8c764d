package io.sluice.redact;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The redaction rules, applied in this order (a URL password would otherwise look like an e-mail);
 * each can be switched on or off with {@code sluice.processor.redaction}.
 */
public enum RedactionRule {

    /** {@code https://user:s3cret@host/} → {@code https://user:<password>@host/}. */
    URL_PASSWORD("url-password", Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#\\s@]+:)([^@/?#\\s]+)(@)")),

    /** {@code Authorization: Bearer eyJ…} → {@code Bearer <token>}. */
    BEARER("bearer", Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9\\-._~+/]+=*")),

    /** {@code jane.doe+shop@example.com} → {@code <email>}. */
    EMAIL("email", Pattern.compile(
            // starts only where a run of address characters starts, and takes the run whole: linear, not quadratic
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")),

    /**
     * 13 to 19 digits, spaces or dashes between them allowed, that pass the Luhn check → {@code <card>}.
     * Not inside a word: digits within a hex id are not a card number.
     */
    CARD("card", Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d){12,18}(?![\\w-])"));

    private static final int MIN_CARD_DIGITS = 13;
    private static final int MAX_CARD_DIGITS = 19;

    private final String label;
    private final Pattern pattern;

    RedactionRule(String label, Pattern pattern) {
        this.label = label;
        this.pattern = pattern;
    }

    public String label() {
        return label;
    }

    Pattern pattern() {
        return pattern;
    }

    /**
     * The enabled rules that may match the text, found in one linear pass that rules out most text
     * before any regex runs: without it redaction was most of the processor's CPU time, since almost
     * no log line holds personal data.
     */
    static Set<RedactionRule> candidates(String text, Set<RedactionRule> enabled) {
        boolean at = false;
        boolean b = false;
        boolean digits = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            at |= c == '@';
            b |= c == 'b' || c == 'B';
            digits |= c >= '0' && c <= '9';
        }
        Set<RedactionRule> candidates = EnumSet.noneOf(RedactionRule.class);
        for (RedactionRule rule : enabled) {
            boolean possible = switch (rule) {
                case URL_PASSWORD, EMAIL -> at;
                case BEARER -> b;
                case CARD -> digits;
            };
            if (possible && rule.mayMatch(text)) {
                candidates.add(rule);
            }
        }
        return candidates;
    }

    /** The precise pre-check of one rule. */
    boolean mayMatch(String text) {
        return switch (this) {
            case URL_PASSWORD -> text.indexOf('@') >= 0 && text.contains("://");
            case BEARER -> containsBearer(text);
            case EMAIL -> hasAddressAt(text);
            case CARD -> hasDigitRun(text);
        };
    }

    private static boolean containsBearer(String text) {
        for (int at = 0; (at = indexOfIgnoreCase(text, 'b', at)) >= 0; at++) {
            if (text.regionMatches(true, at, "bearer", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfIgnoreCase(String text, char lower, int from) {
        char upper = Character.toUpperCase(lower);
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == lower || c == upper) {
                return i;
            }
        }
        return -1;
    }

    /** Whether some '@' has an address character right before it and a domain character right after it. */
    private static boolean hasAddressAt(String text) {
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            if (at > 0 && at + 1 < text.length() && isAddressChar(text.charAt(at - 1)) && isDomainChar(text.charAt(at + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAddressChar(char c) {
        return isDomainChar(c) || c == '.' || c == '_' || c == '%' || c == '+';
    }

    private static boolean isDomainChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    /**
     * Whether the text has a run the pattern could match: at least 13 digits, single spaces or dashes
     * between them allowed, starting outside a word, and either holding a space (a match may end there)
     * or at most 19 digits long and not followed by a word character.
     */
    private static boolean hasDigitRun(String text) {
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            boolean startsRun = isDigit(c) && (i == 0 || !isWordChar(text.charAt(i - 1)));
            if (!startsRun) {
                i++;
                continue;
            }
            int digits = 0;
            boolean space = false;
            while (i < length) {
                char d = text.charAt(i);
                if (isDigit(d)) {
                    digits++;
                    i++;
                } else if ((d == ' ' || d == '-') && i + 1 < length && isDigit(text.charAt(i + 1))) {
                    space |= d == ' ';
                    i++;
                } else {
                    break;
                }
            }
            boolean endsOutsideWord = i == length || !isWordChar(text.charAt(i));
            if (digits >= MIN_CARD_DIGITS && (space || digits <= MAX_CARD_DIGITS && endsOutsideWord)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
        }
        return Character.isLetterOrDigit(c);
    }

    /** The replacement for a match, or null to leave it (a digit run that fails the Luhn check). */
    String replacement(Matcher match) {
        return switch (this) {
            case EMAIL -> "<email>";
            case CARD -> luhn(match.group().replaceAll("[ -]", "")) ? "<card>" : null;
            case BEARER -> "Bearer <token>";
            case URL_PASSWORD -> match.group(1) + "<password>" + match.group(3);
        };
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
