package io.sluice.ingest.bulk;

import io.sluice.ingest.lines.MalformedBodyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an Elasticsearch {@code _bulk} body: action lines, each followed by a source line for
 * {@code index}, {@code create} and {@code update}. Like Elasticsearch, a malformed action line
 * fails the whole request; everything else is judged per item.
 */
public final class BulkBodyParser {

    private static final Set<String> VERBS = Set.of("index", "create", "update", "delete");
    private static final Set<String> WITH_SOURCE = Set.of("index", "create", "update");

    private final JsonMapper mapper;

    public BulkBodyParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public List<BulkItem> parse(byte[] body, String defaultIndex) {
        List<byte[]> lines = lines(body);
        List<BulkItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Map.Entry<String, JsonNode> action = action(lines.get(i), i + 1);
            String verb = action.getKey();
            JsonNode meta = action.getValue();
            byte[] source = null;
            if (WITH_SOURCE.contains(verb)) {
                if (i + 1 >= lines.size()) {
                    throw new MalformedBodyException("line " + (i + 1) + ": the " + verb + " action has no source line");
                }
                source = lines.get(++i);
            }
            String index = meta.path("_index").asString(defaultIndex);
            String id = meta.path("_id").isValueNode() ? meta.path("_id").asString() : null;
            items.add(new BulkItem(verb, index, id, source));
        }
        return items;
    }

    private Map.Entry<String, JsonNode> action(byte[] line, int number) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JacksonException e) {
            throw new MalformedBodyException("line " + number + ": malformed action/metadata line: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new MalformedBodyException("line " + number + ": an action/metadata line must be an object with one key");
        }
        Map.Entry<String, JsonNode> action = node.properties().iterator().next();
        if (!VERBS.contains(action.getKey()) || !action.getValue().isObject()) {
            throw new MalformedBodyException("line " + number + ": unknown action [" + action.getKey() + "]");
        }
        return action;
    }

    private static List<byte[]> lines(byte[] body) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                if (!blank(body, start, end)) {
                    lines.add(Arrays.copyOfRange(body, start, end));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean blank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] != ' ' && body[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
