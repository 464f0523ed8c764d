package io.sluice.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ingest.lines.MalformedBodyException;
import io.sluice.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkBodyParserTest {

    private final BulkBodyParser parser = new BulkBodyParser(Json.MAPPER);

    private List<BulkItem> parse(String body, String index) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), index);
    }

    @Test
    void shouldPairActionsWithTheirSources() {
        List<BulkItem> items = parse("""
                {"index":{"_index":"app-2026.11.22","_id":"a1"}}
                {"message":"one"}
                {"create":{}}
                {"message":"two"}
                {"delete":{"_index":"x","_id":"gone"}}
                {"update":{"_id":"u"}}
                {"doc":{"message":"three"}}
                """, "default-index");

        assertThat(items).extracting(BulkItem::verb).containsExactly("index", "create", "delete", "update");
        assertThat(items.get(0).index()).isEqualTo("app-2026.11.22");
        assertThat(items.get(0).id()).isEqualTo("a1");
        assertThat(new String(items.get(0).source(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"one\"}");
        assertThat(items.get(1).index()).isEqualTo("default-index");
        assertThat(items.get(1).id()).isNull();
        assertThat(items.get(2).source()).isNull();
        assertThat(items.get(2).writesDocument()).isFalse();
    }

    @Test
    void shouldFailTheWholeBodyOnAMalformedActionLineLikeElasticsearch() {
        assertThatThrownBy(() -> parse("{\"index\":{}}\n{\"m\":1}\nnot json\n", null))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("line 3: malformed action/metadata line");
        assertThatThrownBy(() -> parse("{\"upsert\":{}}\n", null)).hasMessageContaining("unknown action [upsert]");
        assertThatThrownBy(() -> parse("{\"index\":{}}\n", null)).hasMessageContaining("has no source line");
    }

    @Test
    void shouldTakeTheServiceFromAnIndexNameWithoutItsDate() {
        assertThat(IndexServices.of("logstash-2026.11.22")).isEqualTo("logstash");
        assertThat(IndexServices.of("app-payments-2026.11")).isEqualTo("app-payments");
        assertThat(IndexServices.of("fluent-bit")).isEqualTo("fluent-bit");
        assertThat(IndexServices.of(null)).isNull();
    }
}
