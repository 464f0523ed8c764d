package io.sluice.processor.parse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * logfmt and key=value lines ({@code time=… level=info msg="user logged in" user=42}), as Go's
 * logrus and slog text handlers, Heroku and many CLIs write them. A line counts as logfmt when it
 * starts with a key and has at least two pairs, one of them a message or level.
 */
final class Logfmt {

    private static final Pattern STARTS_WITH_PAIR = Pattern.compile("^[A-Za-z_][\\w.\\-]*=\\S");

    private Logfmt() {
    }

    /** Possessive throughout: linear on any input. */
    private static final Pattern ONLY_PAIRS =
            Pattern.compile("^(?:\\s*+[\\w.@/-]++=(?:\"(?:[^\"\\\\]|\\\\.)*+\"|\\S*+))++\\s*+$");

    static boolean looksLike(String line) {
        if (!STARTS_WITH_PAIR.matcher(line).lookingAt()) {
            return false;
        }
        Map<String, JsonNode> pairs = parse(line);
        boolean named = pairs.containsKey("msg") || pairs.containsKey("message") || pairs.containsKey("level")
                || pairs.containsKey("lvl");
        // plain key=value lines (Heroku's router, many appliances) count when nothing but pairs is on them
        return pairs.size() >= 2 && named || pairs.size() >= 3 && ONLY_PAIRS.matcher(line).matches();
    }

    static Map<String, JsonNode> parse(String line) {
        Map<String, JsonNode> pairs = new LinkedHashMap<>();
        int i = 0;
        int length = line.length();
        while (i < length) {
            while (i < length && line.charAt(i) == ' ') {
                i++;
            }
            int keyStart = i;
            while (i < length && line.charAt(i) != '=' && line.charAt(i) != ' ') {
                i++;
            }
            String key = line.substring(keyStart, i);
            if (i >= length || line.charAt(i) != '=') {
                if (!key.isEmpty()) {
                    pairs.put(key, JsonNodeFactory.instance.stringNode("true"));
                }
                continue;
            }
            i++;
            StringBuilder value = new StringBuilder();
            if (i < length && line.charAt(i) == '"') {
                for (i++; i < length && line.charAt(i) != '"'; i++) {
                    char c = line.charAt(i);
                    if (c == '\\' && i + 1 < length) {
                        char escaped = line.charAt(++i);
                        value.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
                    } else {
                        value.append(c);
                    }
                }
                i++;
            } else {
                while (i < length && line.charAt(i) != ' ') {
                    value.append(line.charAt(i++));
                }
            }
            if (!key.isEmpty()) {
                pairs.put(key, JsonNodeFactory.instance.stringNode(value.toString()));
            }
        }
        return pairs;
    }
}
