package io.sluice.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.index.IndexTemplate;
import io.sluice.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicationTest {

    @Test
    void shouldKeepWhatTheSizeAllows() {
        assertThat(Replication.forSize(1, 1)).isEqualTo(Replication.SINGLE_NODE);
        assertThat(Replication.forSize(3, 3)).isEqualTo(new Replication((short) 3, 2, 1));
        assertThat(Replication.forSize(2, 1)).isEqualTo(new Replication((short) 2, 1, 0));
        assertThat(Replication.forSize(5, 2)).isEqualTo(new Replication((short) 3, 2, 1));
        assertThat(Replication.forSize(3, 3).topicConfig()).containsEntry("min.insync.replicas", "2")
                .containsEntry("unclean.leader.election.enable", "false");
    }

    @Test
    void shouldTakeTheDeploymentsChoiceWithinWhatItHas() {
        Replication chosen = Replication.fromEnvironment(Map.of("SLUICE_REPLICATION_FACTOR", "2", "SLUICE_INDEX_REPLICAS", "2"), 3, 3);

        assertThat(chosen).isEqualTo(new Replication((short) 2, 1, 2));
        assertThatThrownBy(() -> Replication.fromEnvironment(Map.of("SLUICE_REPLICATION_FACTOR", "3"), 1, 1))
                .hasMessageContaining("at least as many brokers");
        assertThatThrownBy(() -> Replication.fromEnvironment(Map.of("SLUICE_MIN_INSYNC_REPLICAS", "4"), 3, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Replication.fromEnvironment(Map.of("SLUICE_INDEX_REPLICAS", "one"), 3, 3))
                .hasMessageContaining("whole number");
    }

    @Test
    void shouldWriteTheReplicasIntoEveryIndexTemplate() {
        for (IndexTemplate template : IndexTemplate.values()) {
            assertThat(Json.MAPPER.readTree(template.body(1)).path("template").path("settings").path("number_of_replicas").asInt())
                    .as(template.templateName()).isEqualTo(1);
            assertThat(Json.MAPPER.readTree(template.body(0)).path("template").path("mappings"))
                    .isEqualTo(Json.MAPPER.readTree(template.body()).path("template").path("mappings"));
        }
    }
}
