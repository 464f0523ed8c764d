package io.sluice.processor.parse;

import io.sluice.topics.DeadLetterCode;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object flattened to dotted keys ({@code {"log":{"level":"x"}}} becomes {@code log.level}),
 * so flat and nested ECS spellings read the same. Arrays stay whole. Refuses objects nested deeper
 * than the limit.
 */
final class FlatJson {

    private FlatJson() {
    }

    static Map<String, JsonNode> flatten(JsonNode object, int maxDepth) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flatten("", object, 1, maxDepth, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, int depth, int maxDepth, Map<String, JsonNode> flat) {
        if (depth > maxDepth) {
            throw new UnparseableLogException(DeadLetterCode.TOO_DEEP, "JSON nested deeper than " + maxDepth + " levels");
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String key = prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey();
            JsonNode value = member.getValue();
            if (value.isObject() && !value.isEmpty()) {
                flatten(key, value, depth + 1, maxDepth, flat);
            } else {
                if (value.isArray()) {
                    checkDepth(value, depth + 1, maxDepth);
                }
                flat.put(key, value);
            }
        }
    }

    private static void checkDepth(JsonNode node, int depth, int maxDepth) {
        if (depth > maxDepth) {
            throw new UnparseableLogException(DeadLetterCode.TOO_DEEP, "JSON nested deeper than " + maxDepth + " levels");
        }
        for (JsonNode child : node.values()) {
            if (child.isContainer()) {
                checkDepth(child, depth + 1, maxDepth);
            }
        }
    }
}
