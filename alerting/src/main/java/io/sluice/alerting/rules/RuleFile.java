package io.sluice.alerting.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a rules file (YAML) into {@link Rule}s: the keys of each rule's type into its {@link Condition},
 * the rest into the rule, each validated by its own constructor. Every problem is reported at once, each
 * with the rule and the key it concerns, and a file with any problem yields no rules at all: a typo never
 * silently disables one rule while the others run. See {@code alerting/README.md} for the format.
 */
public final class RuleFile {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
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
            RuleReader reader = new RuleReader(node, "rules[" + index++ + "]", problems);
            Rule rule = reader.rule();
            if (reader.id != null && !ids.add(reader.id)) {
                problems.add(reader.where + ": id '" + reader.id + "' is used by an earlier rule");
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
}
