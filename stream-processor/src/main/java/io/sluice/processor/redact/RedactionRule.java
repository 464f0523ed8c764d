package io.sluice.processor.redact;

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
    EMAIL("email", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")),

    /** 13 to 19 digits, spaces or dashes between them allowed, that pass the Luhn check → {@code <card>}. */
    CARD("card", Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])"));

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
