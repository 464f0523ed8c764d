package io.sluice.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.MemberAssignment;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class KafkaClusterReaderTest {

    private static final Node ONE = new Node(1, "localhost", 9094);
    private static final Node TWO = new Node(2, "localhost", 9104);
    private static final Node THREE = new Node(3, "localhost", 9114);

    @Test
    void shouldCountPartitionsWhoseInSyncReplicasShrankAndThoseBelowTheMinimum() {
        List<Node> all = List.of(ONE, TWO, THREE);
        TopicDescription raw = new TopicDescription("logs.raw.v1", false, List.of(
                new TopicPartitionInfo(0, ONE, all, all),
                new TopicPartitionInfo(1, TWO, all, List.of(TWO, THREE)),
                new TopicPartitionInfo(2, THREE, all, List.of(THREE))));

        KafkaClusterReader.Replication replication = KafkaClusterReader.replicationOf(Map.of("logs.raw.v1", raw), Map.of("logs.raw.v1", 2));

        assertThat(replication).isEqualTo(new KafkaClusterReader.Replication(2, 1));
    }

    @Test
    void shouldTellEachInstancesPartitionsByItsClientId() {
        List<MemberDescription> members = List.of(
                member("stream-processor.2-StreamThread-1-consumer", new TopicPartition("logs.raw.v1", 2)),
                member("stream-processor.1-StreamThread-1-consumer", new TopicPartition("logs.raw.v1", 1), new TopicPartition("logs.raw.v1", 0)),
                // Spring numbers one instance's own consumers: indexer.1-2 is instance 1's second consumer, not instance 2
                member("indexer.1-2", new TopicPartition("logs.enriched.v1", 0)),
                member("someone-else"));

        List<Station.Instance> instances = KafkaClusterReader.instancesOf(members, Map.of("stream-processor.1", "stream-processor",
                "stream-processor.2", "stream-processor-2", "indexer.1", "indexer", "indexer.2", "indexer-2"));

        assertThat(instances).containsExactly(new Station.Instance("indexer", List.of("logs.enriched.v1-0")),
                new Station.Instance("someone-else", List.of()),
                new Station.Instance("stream-processor", List.of("logs.raw.v1-0", "logs.raw.v1-1")),
                new Station.Instance("stream-processor-2", List.of("logs.raw.v1-2")));
    }

    private static MemberDescription member(String clientId, TopicPartition... partitions) {
        return new MemberDescription(clientId + "-member", clientId, "/127.0.0.1", new MemberAssignment(Set.of(partitions)));
    }
}
