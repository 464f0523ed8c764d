package io.sluice.alerting.rules;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Reads one rule of a rules file: its keys (unknown, missing, not a number or a duration) and then the
 * {@link Condition} of its type and the {@link Rule}, whose constructors judge the values; every problem goes
 * to the file's list, prefixed with the rule and its place in the file.
 */
final class RuleReader {

    private static final Set<String> RULE_KEYS = Set.of("id", "name", "type", "match", "group-by", "window", "grace",
            "threshold", "ratio", "min-events", "lookback", "for", "baseline-windows", "factor", "min-count", "cooldown",
            "max-cooldown", "runbook", "route");
    private static final Set<String> MATCH_KEYS = Set.of("level", "service", "contains", "regex", "fields");

    private final JsonNode node;
    String where;
    /** The rule's id once read and well-formed: duplicates are found even among rules with other problems. */
    String id;
    private final List<String> problems;

    RuleReader(JsonNode node, String where, List<String> problems) {
        this.node = node;
        this.where = where;
        this.problems = problems;
    }

    Rule rule() {
        if (!node.isObject()) {
            problems.add(where + ": expected a rule (a map with id and type)");
            return null;
        }
        String id = text("id", null);
        boolean validId = id != null && Rule.ID.matcher(id).matches();
        if (!validId) {
            problems.add(where + ": id " + (id == null ? "is missing" : "'" + id + "' must be lower-case letters, digits and -"));
            id = id == null ? "?" : id;
        } else {
            this.id = id;
        }
        where = "rule '" + id + "' (" + where + ")";
        for (String key : new TreeMap<>(toMap(node)).keySet()) {
            if (!RULE_KEYS.contains(key)) {
                problems.add(where + ": unknown key '" + key + "'");
            }
        }
        String typeName = text("type", null);
        RuleType type = typeName == null ? null : RuleType.byFileName(typeName).orElse(null);
        if (type == null) {
            problems.add(where + ": type " + (typeName == null ? "is missing" : "'" + typeName + "' is unknown")
                    + "; one of threshold, ratio, new-error, absence, pattern, spike");
            return null;
        }
        EventMatcher match = matcher(type);
        String groupBy = switch (type) {
            case NEW_ERROR -> "error.fingerprint";
            case ABSENCE -> "service.name";
            default -> text("group-by", "service.name");
        };
        Condition condition = condition(type);
        Duration cooldown = duration("cooldown", "15m");
        Duration maxCooldown = duration("max-cooldown", "4h");
        if (cooldown == null || maxCooldown == null || !validId || condition == null) {
            if (cooldown != null && maxCooldown != null) {
                Rule.problems(groupBy, cooldown, maxCooldown, text("runbook", null))
                        .forEach(problem -> problems.add(where + ": " + problem));
            }
            return null;
        }
        try {
            return new Rule(id, text("name", id), match, groupBy, cooldown, maxCooldown, text("runbook", null),
                    text("route", null), condition);
        } catch (InvalidRuleException e) {
            e.problems().forEach(problem -> problems.add(where + ": " + problem));
            return null;
        }
    }

    /** The condition of the rule's type from its keys, or null with what is wrong added to the problems. */
    private Condition condition(RuleType type) {
        Duration window = duration("window", type == RuleType.NEW_ERROR ? "10m" : "1m");
        Duration grace = duration("grace", "30s");
        Double threshold = type == RuleType.THRESHOLD ? number("threshold", null) : null;
        Double patternThreshold = type == RuleType.PATTERN ? number("threshold", 1.0) : null;
        Double ratio = type == RuleType.RATIO ? number("ratio", null) : null;
        Double minCount = type == RuleType.SPIKE ? number("min-count", 10.0) : null;
        Double minEvents = number("min-events", 20.0);
        Duration lookback = duration("lookback", "7d");
        Duration silence = type == RuleType.ABSENCE ? duration("for", null) : null;
        Double baselineWindows = number("baseline-windows", 6.0);
        Double factor = number("factor", 3.0);
        if (window == null || grace == null || lookback == null || minEvents == null || baselineWindows == null || factor == null) {
            return null;
        }
        try {
            return switch (type) {
                case THRESHOLD -> threshold == null ? null : new Condition.Threshold(new Condition.Windows(window, grace), threshold);
                case PATTERN -> patternThreshold == null ? null
                        : new Condition.Pattern(new Condition.Windows(window, grace), patternThreshold);
                case RATIO -> ratio == null ? null
                        : new Condition.Ratio(new Condition.Windows(window, grace), ratio, minEvents.longValue());
                case SPIKE -> minCount == null ? null : new Condition.Spike(new Condition.Windows(window, grace), minCount,
                        baselineWindows.intValue(), factor);
                case NEW_ERROR -> new Condition.NewError(new Condition.Windows(window, grace), lookback);
                case ABSENCE -> silence == null ? null : new Condition.Absence(silence);
            };
        } catch (InvalidRuleException e) {
            e.problems().forEach(problem -> problems.add(where + ": " + problem));
            return null;
        }
    }

    private EventMatcher matcher(RuleType type) {
        JsonNode match = node.path("match");
        Set<String> defaultLevels = type == RuleType.THRESHOLD || type == RuleType.RATIO || type == RuleType.NEW_ERROR
                || type == RuleType.SPIKE ? Set.of("ERROR", "FATAL") : Set.of();
        if (match.isMissingNode()) {
            return new EventMatcher(defaultLevels, Set.of(), null, null, Map.of());
        }
        if (!match.isObject()) {
            problems.add(where + ": match must be a map (level, service, contains, regex, fields)");
            return EventMatcher.ALL;
        }
        for (String key : toMap(match).keySet()) {
            if (!MATCH_KEYS.contains(key)) {
                problems.add(where + ": unknown key 'match." + key + "'");
            }
        }
        Set<String> levels = strings(match.path("level"));
        levels = levels == null ? defaultLevels : upper(levels);
        Set<String> services = strings(match.path("service"));
        Pattern regex = null;
        if (match.hasNonNull("regex")) {
            try {
                regex = Pattern.compile(match.path("regex").asString());
            } catch (PatternSyntaxException e) {
                problems.add(where + ": match.regex is not a regular expression: " + e.getDescription());
            }
        }
        Map<String, String> fields = new TreeMap<>();
        match.path("fields").properties().forEach(field -> {
            if (!EventFields.known(field.getKey())) {
                problems.add(where + ": match.fields." + field.getKey() + " is not a field");
            }
            fields.put(field.getKey(), field.getValue().asString());
        });
        return new EventMatcher(levels, services == null ? Set.of() : services,
                match.hasNonNull("contains") ? match.path("contains").asString() : null, regex, fields);
    }

    private Set<String> strings(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        if (value.isArray()) {
            value.forEach(item -> values.add(item.asString()));
        } else {
            values.add(value.asString());
        }
        return values;
    }

    private static Set<String> upper(Set<String> values) {
        Set<String> upper = new LinkedHashSet<>();
        values.forEach(value -> upper.add(value.toUpperCase(Locale.ROOT)));
        return upper;
    }

    private String text(String key, String fallback) {
        JsonNode value = node.path(key);
        return value.isMissingNode() || value.isNull() ? fallback : value.asString();
    }

    private Duration duration(String key, String fallback) {
        String text = text(key, fallback);
        if (text == null) {
            problems.add(where + ": " + key + " is missing");
            return null;
        }
        try {
            return RuleFile.duration(text);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + key + " " + e.getMessage());
            return null;
        }
    }

    /** The number under {@code key}, {@code fallback} when absent; null (a problem added) when missing or not a number. */
    private Double number(String key, Double fallback) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            if (fallback == null) {
                problems.add(where + ": " + key + " is missing");
            }
            return fallback;
        }
        if (!value.isNumber()) {
            problems.add(where + ": " + key + " '" + value.asString() + "' must be a number");
            return null;
        }
        return value.asDouble();
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> map = new TreeMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue()));
        return map;
    }
}
