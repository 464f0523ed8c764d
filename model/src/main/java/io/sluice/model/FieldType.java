package io.sluice.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The Elasticsearch type of a typed event field, and how a value becomes one. A value that does not fit
 * gives null: the caller keeps it as a label instead, so a bad value never blocks indexing.
 */
public enum FieldType {

    KEYWORD("keyword") {
        @Override
        public Object coerce(Object value) {
            String text = value.toString();
            return text.isEmpty() ? null : text;
        }
    },
    LONG("long") {
        @Override
        public Object coerce(Object value) {
            if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                return ((Number) value).longValue();
            }
            String text = value.toString().trim();
            if (text.isEmpty() || text.length() > 19 || !INTEGER.matcher(text).matches()) {
                return null;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }
    },
    IP("ip") {
        @Override
        public Object coerce(Object value) {
            String text = value.toString().trim();
            if (IPV4.matcher(text).matches()) {
                return text;
            }
            if (text.indexOf(':') < 0 || text.length() > 45 || !IPV6_CHARS.matcher(text).matches()) {
                return null; // never a host name: InetAddress would look it up
            }
            try {
                InetAddress.getByName(text); // a literal with ':' is parsed, never resolved
                return text;
            } catch (UnknownHostException | SecurityException notAnAddress) {
                return null;
            }
        }
    };

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private final String mapping;

    FieldType(String mapping) {
        this.mapping = mapping;
    }

    /** The Elasticsearch mapping type. */
    public String mapping() {
        return mapping;
    }

    /** The value as this type (String or Long), or null when it does not fit. */
    public abstract Object coerce(Object value);
}
