package io.sluice.cli.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.index.IndexTemplate;
import io.sluice.json.Json;
import io.sluice.runtime.SluiceHome;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The saved objects, checked without a Kibana (none can run here): NDJSON of Kibana 9 objects, every
 * reference resolved inside the file, and every field a data view, search, query or chart uses present
 * in the index template behind it.
 */
class KibanaObjectsTest {

    private static final Path FILE = SluiceHome.locate().resolve("kibana").resolve("sluice-objects.ndjson");
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_@][\\w.@]*)\\s*(?::|[<>]=?)");
    private static final Set<String> NUMERIC_OPERATIONS = Set.of("max", "min", "sum", "average", "median", "percentile",
            "percentile_rank", "standard_deviation");
    private static final Set<String> NUMERIC_TYPES = Set.of("long", "integer", "short", "byte", "double", "float",
            "half_float", "scaled_float");

    private static List<JsonNode> objects() throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            objects.add(Json.MAPPER.readTree(line));
        }
        return objects;
    }

    /** Every field path of a template's mapping and its type; a flattened field stands for itself and any key below it. */
    private static Map<String, String> fields(IndexTemplate template) {
        Map<String, String> fields = new HashMap<>();
        collect(Json.MAPPER.readTree(template.body()).path("template").path("mappings").path("properties"), "", fields);
        return fields;
    }

    private static void collect(JsonNode properties, String prefix, Map<String, String> fields) {
        properties.properties().forEach(entry -> {
            String path = prefix + entry.getKey();
            if (entry.getValue().has("properties")) {
                collect(entry.getValue().path("properties"), path + ".", fields);
            } else {
                String type = entry.getValue().path("type").asString();
                fields.put(type.equals("flattened") ? path + ".*" : path, type);
            }
        });
    }

    private static boolean mapped(Map<String, String> fields, String field) {
        return fields.containsKey(field) || fields.keySet().stream().anyMatch(f -> f.endsWith(".*") && field.startsWith(f.substring(0, f.length() - 1)));
    }

    @Test
    void shouldBeKibanaSavedObjectsWithUniqueIdsAndResolvedReferences() throws Exception {
        List<JsonNode> objects = objects();
        Set<String> ids = new HashSet<>();
        for (JsonNode object : objects) {
            assertThat(object.path("type").asString()).isIn("index-pattern", "search", "dashboard");
            assertThat(object.path("id").asString()).startsWith("sluice-");
            assertThat(object.path("attributes").isObject()).isTrue();
            assertThat(object.path("coreMigrationVersion").asString()).isNotEmpty();
            assertThat(ids.add(object.path("type").asString() + "/" + object.path("id").asString())).isTrue();
        }
        for (JsonNode object : objects) {
            for (JsonNode reference : object.path("references")) {
                assertThat(ids).as(object.path("id").asString() + " refers to " + reference)
                        .contains(reference.path("type").asString() + "/" + reference.path("id").asString());
            }
        }
        assertThat(ids).contains("index-pattern/sluice-logs", "index-pattern/sluice-alerts", "index-pattern/sluice-dlq",
                "search/sluice-errors", "search/sluice-trace", "search/sluice-alert-history", "search/sluice-dead-letters",
                "dashboard/sluice-overview");
    }

    @Test
    void shouldUseOnlyFieldsTheIndexTemplatesMap() throws Exception {
        Map<String, Map<String, String>> fieldsByView = new HashMap<>();
        Map<String, IndexTemplate> templates = Map.of("logs-*", IndexTemplate.LOGS, "sluice-alerts-*", IndexTemplate.ALERTS,
                "sluice-dlq-*", IndexTemplate.DEAD_LETTERS);
        for (JsonNode object : objects()) {
            if (object.path("type").asString().equals("index-pattern")) {
                String title = object.path("attributes").path("title").asString();
                IndexTemplate template = templates.get(title);
                assertThat(template).as("a template for " + title).isNotNull();
                assertThat(Json.MAPPER.readTree(template.body()).path("index_patterns").get(0).asString()).isEqualTo(title);
                Map<String, String> fields = fields(template);
                assertThat(fields).containsKey(object.path("attributes").path("timeFieldName").asString());
                String formats = object.path("attributes").path("fieldFormatMap").asString("{}");
                Json.MAPPER.readTree(formats).propertyNames().forEach(field -> require(fields, field));
                fieldsByView.put(object.path("id").asString(), fields);
            }
        }
        List<String> checked = new ArrayList<>();
        for (JsonNode object : objects()) {
            if (object.path("type").asString().equals("search")) {
                Map<String, String> fields = fieldsByView.get(object.path("references").get(0).path("id").asString());
                JsonNode attributes = object.path("attributes");
                attributes.path("columns").forEach(column -> checked.add(require(fields, column.asString())));
                attributes.path("sort").forEach(sort -> checked.add(require(fields, sort.get(0).asString())));
                JsonNode source = Json.MAPPER.readTree(attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON").asString());
                kqlFields(source.path("query").path("query").asString()).forEach(field -> checked.add(require(fields, field)));
            }
            if (object.path("type").asString().equals("dashboard")) {
                for (JsonNode panel : Json.MAPPER.readTree(object.path("attributes").path("panelsJSON").asString())) {
                    JsonNode lens = panel.path("embeddableConfig").path("attributes");
                    if (!panel.path("type").asString().equals("lens")) {
                        continue;
                    }
                    Map<String, String> fields = fieldsByView.get(lens.path("references").get(0).path("id").asString());
                    kqlFields(lens.path("state").path("query").path("query").asString()).forEach(field -> checked.add(require(fields, field)));
                    lens.path("state").path("datasourceStates").path("formBased").path("layers").forEach(layer ->
                            layer.path("columns").forEach(column -> {
                                String field = column.path("sourceField").asString();
                                if (!field.equals("___records___")) {
                                    checked.add(require(fields, field));
                                    requireType(fields, field, column);
                                }
                            }));
                }
            }
        }
        assertThat(checked).as("fields were found to check").hasSizeGreaterThan(15);
    }

    private static String require(Map<String, String> fields, String field) {
        assertThat(mapped(fields, field)).as(field + " is mapped").isTrue();
        return field;
    }

    /** A chart computes on a number only when the template maps one, and says the data type the mapping gives. */
    private static void requireType(Map<String, String> fields, String field, JsonNode column) {
        String type = fields.getOrDefault(field, "flattened");
        boolean numeric = NUMERIC_TYPES.contains(type);
        if (NUMERIC_OPERATIONS.contains(column.path("operationType").asString())) {
            assertThat(numeric).as(field + " is numeric for " + column.path("operationType").asString()).isTrue();
        }
        String dataType = column.path("dataType").asString();
        if (column.path("isBucketed").asBoolean() && !dataType.equals("date")) {
            assertThat(dataType).as(field + " is a " + type).isEqualTo(numeric ? "number" : type.equals("ip") ? "ip" : "string");
        }
    }

    private static List<String> kqlFields(String query) {
        List<String> fields = new ArrayList<>();
        Matcher matcher = KQL_FIELD.matcher(query);
        while (matcher.find()) {
            fields.add(matcher.group(1));
        }
        return fields;
    }

    @Test
    void importShouldBeTheIdempotentMultipartPostKibanaExpects() {
        HttpRequest request = KibanaImport.request("http://kibana:5601/", "{}\n".getBytes(StandardCharsets.UTF_8), null);

        assertThat(request.uri().toString()).isEqualTo("http://kibana:5601/api/saved_objects/_import?overwrite=true");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().firstValue("kbn-xsrf")).isPresent();
        assertThat(request.headers().firstValue("Content-Type").orElseThrow()).startsWith("multipart/form-data; boundary=sluice-");
        assertThat(request.headers().firstValue("Authorization")).isEmpty();
    }
}
