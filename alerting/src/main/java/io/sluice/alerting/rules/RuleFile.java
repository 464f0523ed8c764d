package io.sluice.alerting.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a rules file (YAML) into validated {@link Rule}s. Every problem is reported at once, each with
 * the rule and the key it concerns, and a file with any problem yields no rules at all: a typo never
 * silently disables one rule while the others run. See {@code alerting/README.md} for the format.
 */
public final class RuleFile {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Set<String> RULE_KEYS = Set.of("id", "name", "type", "match", "group-by", "window", "grace",
            "threshold", "ratio", "min-events", "lookback", "for", "baseline-windows", "factor", "min-count", "cooldown",
            "max-cooldown", "runbook", "route");
    private static final Set<String> MATCH_KEYS = Set.of("level", "service", "contains", "regex", "fields");

    private RuleFile() {
    }

    public static List<Rule> parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new RuleFileException(source, List.of("not valid YAML: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull() || !root.path("rules").isArray()) {
            throw new RuleFileException(source, List.of("expected a list under 'rules:'"));
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : root.path("rules")) {
            Reader reader = new Reader(node, "rules[" + index++ + "]", problems);
            Rule rule = reader.rule();
            if (rule != null && !ids.add(rule.id())) {
                problems.add(reader.where + ": id '" + rule.id() + "' is used by an earlier rule");
            }
            if (rule != null) {
                rules.add(rule);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(source, problems);
        }
        return List.copyOf(rules);
    }

    /** Parses durations like {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}. */
    public static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 5m, 1h or 7d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** Reads one rule, adding what is wrong with it to the problems. */
    private static final class Reader {
        private final JsonNode node;
        private String where;
        private final List<String> problems;

        Reader(JsonNode node, String where, List<String> problems) {
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
            if (id == null || !ID.matcher(id).matches()) {
                problems.add(where + ": id " + (id == null ? "is missing" : "'" + id + "' must be lower-case letters, digits and -"));
                id = id == null ? "?" : id;
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
            if (!EventFields.known(groupBy)) {
                problems.add(where + ": group-by '" + groupBy + "' is not a field; one of " + new java.util.TreeSet<>(EventFields.NAMES)
                        + " or labels.<key>");
            }
            Duration window = duration("window", type == RuleType.NEW_ERROR ? "10m" : "1m");
            Duration grace = duration("grace", "30s");
            double threshold = switch (type) {
                case THRESHOLD -> number("threshold", null, 1, Double.MAX_VALUE);
                case PATTERN -> number("threshold", 1.0, 1, Double.MAX_VALUE);
                case RATIO -> number("ratio", null, Double.MIN_VALUE, 1);
                case SPIKE -> number("min-count", 10.0, 1, Double.MAX_VALUE);
                default -> 1;
            };
            if (type == RuleType.PATTERN && !node.path("match").hasNonNull("contains") && !node.path("match").hasNonNull("regex")) {
                problems.add(where + ": a pattern rule needs match.contains or match.regex");
            }
            long minEvents = (long) number("min-events", 20.0, 1, Double.MAX_VALUE);
            Duration lookback = duration("lookback", "7d");
            Duration absentFor = type == RuleType.ABSENCE ? duration("for", null) : null;
            int baselineWindows = (int) number("baseline-windows", 6.0, 1, 1_000);
            double factor = number("factor", 3.0, 1, Double.MAX_VALUE);
            Duration cooldown = duration("cooldown", "15m");
            Duration maxCooldown = duration("max-cooldown", "4h");
            if (window != null && window.isZero()) {
                problems.add(where + ": window must be longer than 0");
            }
            if (cooldown != null && maxCooldown != null && maxCooldown.compareTo(cooldown) < 0) {
                problems.add(where + ": max-cooldown is shorter than cooldown");
            }
            String runbook = text("runbook", null);
            if (runbook != null && !runbook.startsWith("https://") && !runbook.startsWith("http://")) {
                problems.add(where + ": runbook must be an http(s) link");
            }
            return new Rule(id, text("name", id), type, match, groupBy, window, grace, threshold, minEvents, lookback,
                    absentFor, baselineWindows, factor, cooldown, maxCooldown, runbook, text("route", null));
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

        private double number(String key, Double fallback, double min, double max) {
            JsonNode value = node.path(key);
            if (value.isMissingNode() || value.isNull()) {
                if (fallback == null) {
                    problems.add(where + ": " + key + " is missing");
                    return min;
                }
                return fallback;
            }
            if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
                problems.add(where + ": " + key + " '" + value.asString() + "' must be a number"
                        + (max == 1 ? " above 0 and at most 1" : " of at least " + (long) min));
                return min;
            }
            return value.asDouble();
        }

        private static Map<String, JsonNode> toMap(JsonNode object) {
            Map<String, JsonNode> map = new TreeMap<>();
            object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue()));
            return map;
        }
    }
}
