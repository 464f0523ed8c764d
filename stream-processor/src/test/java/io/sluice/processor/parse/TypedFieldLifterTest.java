package io.sluice.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.model.EventLabels;
import io.sluice.model.LogEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedFieldLifterTest {

    @Test
    void shouldMoveLabelsHoldingEcsFieldsOutOfTheLabels() {
        Map<String, String> labels = labels("http_response_status_code", "502", "url_original", "/pay", "region", "eu");

        assertThat(TypedFieldLifter.lift(labels)).containsEntry("http.response.status_code", "502")
                .containsEntry("url.original", "/pay").hasSize(2);
        assertThat(labels).containsOnlyKeys("region");
    }

    @Test
    void shouldTakeTheNamesOfCommonJsonLayoutsOnlyWhenTheValueFits() {
        Map<String, String> labels = labels("logger_name", "com.shop.Billing", "thread_name", "main", "pid", "not-a-pid");

        assertThat(TypedFieldLifter.lift(labels)).containsEntry("log.logger", "com.shop.Billing")
                .containsEntry("process.thread.name", "main").doesNotContainKey("process.pid");
        assertThat(labels).containsOnlyKeys("pid");
    }

    @Test
    void shouldPreferTheEcsNameToAnAlias() {
        Map<String, String> labels = labels("log_logger", "ecs.Logger", "logger", "other");

        assertThat(TypedFieldLifter.lift(labels)).containsEntry("log.logger", "ecs.Logger");
        assertThat(labels).containsEntry("logger", "other");
    }

    @Test
    void shouldDeriveSourceIpFromAnAddressThatIsOne() {
        assertThat(TypedFieldLifter.lift(labels("source_address", "203.0.113.9"))).containsEntry("source.ip", "203.0.113.9");
        assertThat(TypedFieldLifter.lift(labels("source_address", "gw.example.com"))).doesNotContainKey("source.ip");
    }

    @Test
    void shouldGiveTheEventNumbersAndFlagWhatDoesNotFit() {
        Map<String, String> labels = labels("http_response_status_code", "200", "process_pid", "12ab");
        LogEvent event = new LogEvent(Instant.EPOCH, "m", null, "svc", null, null, null, "id", null, null, labels, null, null,
                null, null, TypedFieldLifter.lift(labels));

        assertThat(event.fields()).containsExactly(Map.entry("http.response.status_code", 200L));
        assertThat(event.labels()).containsEntry("process_pid", "12ab").containsEntry(EventLabels.UNTYPED_FIELDS, "process.pid");
    }

    private static Map<String, String> labels(String... namesAndValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            labels.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return labels;
    }
}
