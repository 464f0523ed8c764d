package io.sluice.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.model.LogEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventMatcherTest {

    private static LogEvent access(int status) {
        return new LogEvent(Instant.EPOCH, "GET /pay", "ERROR", "edge", null, null, null, "id", null, null,
                Map.of("region", "eu"), null, null, null, null,
                Map.of("http.response.status_code", status, "url.original", "/pay"));
    }

    @Test
    void shouldCompareTypedFieldsAndLabelsAsText() {
        EventMatcher unavailable = new EventMatcher(Set.of(), Set.of(), null, null,
                Map.of("http.response.status_code", "503", "labels.region", "eu"));

        assertThat(unavailable.matches(access(503))).isTrue();
        assertThat(unavailable.matches(access(500))).isFalse();
    }

    @Test
    void shouldGroupByATypedField() {
        assertThat(EventFields.known("url.original")).isTrue();
        assertThat(EventFields.value(access(503), "url.original")).isEqualTo("/pay");
        assertThat(EventFields.value(access(503), "http.response.status_code")).isEqualTo("503");
        assertThat(EventFields.value(access(503), "source.ip")).isNull();
        assertThat(EventFields.known("customer.tier")).isFalse();
    }
}
