package io.sluice.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import io.sluice.model.FieldType;
import io.sluice.model.TypedField;
import io.sluice.model.TypedFields;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IndexTemplateTest {

    private final JsonNode properties = Json.MAPPER.readTree(IndexTemplate.LOGS.body()).path("template").path("mappings")
            .path("properties");

    @Test
    void shouldMapEveryTypedFieldWithItsType() {
        for (TypedField field : TypedFields.ECS) {
            JsonNode mapping = mappingOf(field.name());
            assertThat(mapping.path("type").asString()).as(field.name()).isEqualTo(field.type().mapping());
            if (field.type() != FieldType.KEYWORD) {
                // a value Elasticsearch cannot read must not cost the whole document
                assertThat(mapping.path("ignore_malformed").asBoolean()).as(field.name() + " ignore_malformed").isTrue();
            }
        }
    }

    @Test
    void shouldMapCoreFieldsAndKeepLabelsFlattened() {
        assertThat(mappingOf("@timestamp").path("type").asString()).isEqualTo("date");
        assertThat(mappingOf("log.level").path("type").asString()).isEqualTo("keyword");
        assertThat(mappingOf("labels").path("type").asString()).isEqualTo("flattened");
        assertThat(Json.MAPPER.readTree(IndexTemplate.LOGS.body()).path("template").path("mappings").path("dynamic").asBoolean(true))
                .isFalse();
    }

    @Test
    void shouldTypeEveryServicesOwnFieldsByWhereTheyAreSoNoTwoServicesCanConflict() {
        JsonNode mappings = Json.MAPPER.readTree(IndexTemplate.LOGS.body()).path("template").path("mappings");
        assertThat(mappings.path("dynamic_templates").toString()).contains(
                "{\"numeric_labels\":{\"path_match\":\"numeric_labels.*\",\"mapping\":{\"type\":\"double\"",
                "{\"ip_labels\":{\"path_match\":\"ip_labels.*\",\"mapping\":{\"type\":\"ip\"");
        assertThat(mappingOf("numeric_labels").path("dynamic").asBoolean()).isTrue();
        assertThat(mappingOf("ip_labels").path("dynamic").asBoolean()).isTrue();
        assertThat(TypedFields.named("numeric_labels.latency_ms").orElseThrow().type()).isEqualTo(FieldType.DOUBLE);
        assertThat(TypedFields.named("ip_labels.client").orElseThrow().type()).isEqualTo(FieldType.IP);
        assertThat(TypedFields.named("numeric_labels.a.b")).isEmpty();
    }

    private JsonNode mappingOf(String path) {
        JsonNode node = properties;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            node = node.path(parts[i]);
            if (i < parts.length - 1) {
                node = node.path("properties");
            }
        }
        assertThat(node.isMissingNode()).as(path + " is mapped").isFalse();
        return node;
    }
}
