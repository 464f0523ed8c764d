package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {

    @Test
    void shouldReadInstantsAndDurationsAgo() {
        assertThat(ReplayCommand.instant("2026-11-22T10:00:00Z")).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        assertThat(ReplayCommand.instant("2h")).isBetween(twoHoursAgo.minusSeconds(5), twoHoursAgo.plusSeconds(5));
        assertThat(ReplayCommand.instant("0s")).isBetween(Instant.now().minusSeconds(5), Instant.now());
    }

    @Test
    void shouldRefuseAnUnknownUnit() {
        assertThatThrownBy(() -> ReplayCommand.instant("3w")).isInstanceOf(CliArgs.UsageException.class)
                .hasMessageContaining("use s, m, h or d");
    }
}
