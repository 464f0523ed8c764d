package io.sluice.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessTailTest {

    @Test
    void shouldReadNginxKeyValuePairsAndTheRequestTimeInSeconds() {
        assertThat(AccessTail.read("rt=0.245 uct=\"0.001\" urt=\"-\""))
                .containsEntry("event.duration", "245000000").containsEntry("rt", "0.245").containsEntry("uct", "0.001")
                .doesNotContainKey("urt");
        assertThat(AccessTail.read("request_time=1.5")).containsEntry("event.duration", "1500000000");
    }

    @Test
    void shouldReadABareTrailingNumberAsSecondsWithAPointAndMicrosecondsWithout() {
        assertThat(AccessTail.read("\"203.0.113.1\" 0.004")).containsExactly(java.util.Map.entry("event.duration", "4000000"));
        assertThat(AccessTail.read("1534")).containsExactly(java.util.Map.entry("event.duration", "1534000"));
    }

    @Test
    void shouldNotTakeAnyOtherNumberForADuration() {
        assertThat(AccessTail.read("\"-\" 8080")).isEmpty(); // a port or an upstream status after other fields
        assertThat(AccessTail.read("rt=fast")).doesNotContainKey("event.duration").containsEntry("rt", "fast");
        assertThat(AccessTail.read("\"x-forwarded-for: 10.0.0.1\"")).isEmpty();
    }
}
