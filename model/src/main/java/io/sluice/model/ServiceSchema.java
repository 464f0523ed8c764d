package io.sluice.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A service's contract, read from its catalog entry: its typed fields, the fields every event must carry,
 * and what a violation costs. What the entry gets wrong (an unknown type, a bad name) is in {@code
 * problems} and left out, never a reason to stop reading the catalog.
 */
public record ServiceSchema(List<ServiceField> fields, List<String> required, Enforcement enforce, List<String> problems) {

    public static final ServiceSchema NONE = new ServiceSchema(List.of(), List.of(), Enforcement.FLAG, List.of());

    /** What a violating event gets: indexed with {@code labels.sluice_schema_violation}, or dead-lettered with code {@code schema}. */
    public enum Enforcement {
        FLAG, DEAD_LETTER;

        static Enforcement named(String name, List<String> problems) {
            if (name == null || name.isBlank() || name.strip().equalsIgnoreCase("flag")) {
                return FLAG;
            }
            if (name.strip().toLowerCase(Locale.ROOT).replace('_', '-').equals("dead-letter")) {
                return DEAD_LETTER;
            }
            problems.add("enforce '" + name + "' is flag or dead-letter; flag used");
            return FLAG;
        }
    }

    public ServiceSchema {
        fields = List.copyOf(fields);
        required = List.copyOf(required);
        problems = List.copyOf(problems);
    }

    public static ServiceSchema of(CatalogEntry entry) {
        if (entry == null || (entry.fields().isEmpty() && entry.required().isEmpty())) {
            return NONE;
        }
        List<String> problems = new ArrayList<>();
        List<ServiceField> fields = new ArrayList<>();
        for (Map.Entry<String, String> declared : entry.fields().entrySet()) {
            FieldType type = FieldType.named(declared.getValue()).orElse(null);
            if (type == null) {
                problems.add("field '" + declared.getKey() + "': type '" + declared.getValue() + "' is one of keyword, long, double, ip");
            } else if (!ServiceField.validName(declared.getKey())) {
                problems.add("field '" + declared.getKey() + "': a name is 1-100 letters, digits, _, - or @ (a nested field is"
                        + " named with _ as its label is)");
            } else {
                fields.add(new ServiceField(declared.getKey(), type));
            }
        }
        return new ServiceSchema(fields, entry.required(), Enforcement.named(entry.enforce(), problems), problems);
    }
}
