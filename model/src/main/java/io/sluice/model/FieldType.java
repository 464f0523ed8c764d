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
    DOUBLE("double") {
        @Override
        public Object coerce(Object value) {
            if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                return ((Number) value).longValue();
            }
            if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                return Double.isFinite(number) ? number : null;
            }
            String text = value.toString().trim();
            if (text.length() > 40 || !DECIMAL.matcher(text).matches()) {
                return null;
            }
            Object whole = LONG.coerce(text);
            if (whole != null) {
                return whole;
            }
            double number = Double.parseDouble(text);
            return Double.isFinite(number) ? number : null;
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
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d{1,3})?");
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

    /** The type a service declares by this name in the catalog ({@code long}, {@code double}, {@code keyword}, {@code ip}), if any. */
    public static java.util.Optional<FieldType> named(String name) {
        for (FieldType type : values()) {
            if (type.mapping.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }

    /** The value as this type (String, Long or Double), or null when it does not fit. */
    public abstract Object coerce(Object value);
}
