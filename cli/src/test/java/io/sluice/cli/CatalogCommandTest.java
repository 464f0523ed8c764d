package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.model.CatalogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadAnEntryWithTypedFieldsAContractAndCorrelationIds() throws Exception {
        Path file = Files.writeString(dir.resolve("orders.json"), """
                {"team": "shop", "owner": "alice", "trace_id_fields": ["correlationId", "X-Request-ID"],
                 "fields": {"latency_ms": "long", "amount": "double", "order_id": "keyword", "client": "ip"},
                 "required": ["order_id"], "enforce": "dead-letter"}""");

        CatalogEntry entry = CatalogCommand.read(file);

        assertThat(entry.team()).isEqualTo("shop");
        assertThat(entry.traceIdFields()).containsExactly("correlationId", "X-Request-ID");
        assertThat(entry.fields()).containsEntry("latency_ms", "long").hasSize(4);
        assertThat(entry.required()).containsExactly("order_id");
        assertThat(entry.enforce()).isEqualTo("dead-letter");
    }

    @Test
    void shouldRefuseAnEntryWithEveryProblemNamedBeforeItIsPublished() throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.json"), "{\"team\": \"shop\", \"feilds\": {}}");
        Path wrong = Files.writeString(dir.resolve("wrong.json"),
                "{\"fields\": {\"latency\": \"number\", \"order.id\": \"keyword\"}, \"enforce\": \"reject\"}");

        assertThatThrownBy(() -> CatalogCommand.read(typo)).isInstanceOf(CliArgs.UsageException.class)
                .hasMessageContaining("feilds");
        assertThatThrownBy(() -> CatalogCommand.read(wrong)).isInstanceOf(CliArgs.UsageException.class)
                .hasMessageContaining("field 'latency': type 'number' is one of keyword, long, double, ip")
                .hasMessageContaining("field 'order.id': a name is")
                .hasMessageContaining("enforce 'reject' is flag or dead-letter");
    }
}
