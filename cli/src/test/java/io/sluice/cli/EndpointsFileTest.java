package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.process.ServiceStates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointsFileTest {

    private static final EndpointsFile STARTED = new EndpointsFile(1, "https://localhost:8080/api/v1/logs", null, "localhost:9092", null,
            null, null, Map.of(), null, null, null, null, null, List.of(
                    new EndpointsFile.ProcessEntry("kafka-2", "kafka", 100, null),
                    new EndpointsFile.ProcessEntry("indexer", "indexer", 200, "http://127.0.0.1:18082/actuator/health"),
                    new EndpointsFile.ProcessEntry("alerting", "alerting", 300, "http://127.0.0.1:18083/actuator/health")));

    @Test
    void shouldGiveTheSupervisorsCurrentPidOfAProcessItRestarted() {
        ServiceStates states = new ServiceStates(1, Instant.now(), List.of(
                new ServiceStates.State("kafka-2", 101, "running", 1, Instant.now(), 137, null),
                new ServiceStates.State("indexer", 200, "running", 0, null, null, null)));

        EndpointsFile current = STARTED.withCurrentPids(Optional.of(states));

        assertThat(current.processes()).extracting(EndpointsFile.ProcessEntry::name, EndpointsFile.ProcessEntry::pid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kafka-2", 101L), org.assertj.core.groups.Tuple.tuple("indexer", 200L),
                        org.assertj.core.groups.Tuple.tuple("alerting", 300L));
        assertThat(current.processes().get(1).health()).isEqualTo("http://127.0.0.1:18082/actuator/health");
    }

    @Test
    void shouldKeepThePidsItStartedWithWhenNoSupervisorRuns() {
        assertThat(STARTED.withCurrentPids(Optional.empty())).isEqualTo(STARTED);
    }
}
