package io.sluice.model;

import java.util.regex.Pattern;

/**
 * A field a service declares in the catalog with its type. Its value is indexed typed, outside the labels
 * every service shares: a {@code long} or {@code double} as {@code numeric_labels.<name>}, an {@code ip} as
 * {@code ip_labels.<name>}; a {@code keyword} stays {@code labels.<name>}, which is a keyword already.
 */
public record ServiceField(String name, FieldType type) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_@-]{1,100}");

    public ServiceField {
        if (!validName(name)) {
            throw new IllegalArgumentException("field name '" + name + "' must be 1-100 letters, digits, _, - or @");
        }
    }

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The label that holds the value as the line gave it: the name with dots as underscores, as every label. */
    public static String labelOf(String declared) {
        return declared.replace('.', '_');
    }

    /** Where a value that fits goes: a typed field, or {@code null} for a keyword, which stays a label. */
    public String typedName() {
        return switch (type) {
            case LONG, DOUBLE -> TypedFields.NUMERIC_LABELS + name;
            case IP -> TypedFields.IP_LABELS + name;
            case KEYWORD -> null;
        };
    }
}
