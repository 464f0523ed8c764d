package io.sluice.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    private static final TopicPartition P0 = new TopicPartition("logs.enriched.v1", 0);
    private static final TopicPartition P1 = new TopicPartition("logs.enriched.v1", 1);
    private static final TopicPartition P2 = new TopicPartition("logs.enriched.v1", 2);

    @Test
    void shouldSumWhatIsLeftBehindTheCommittedOffsets() {
        assertThat(ConsumerLag.of(Map.of(P0, 100L, P1, 50L), Map.of(P0, 0L, P1, 0L), Map.of(P0, 90L, P1, 50L))).isEqualTo(10);
    }

    @Test
    void shouldCountAPartitionWithoutACommitFromWhereItsLogStarts() {
        assertThat(ConsumerLag.of(Map.of(P0, 100L, P2, 500L), Map.of(P0, 0L, P2, 400L), Map.of(P0, 100L))).isEqualTo(100);
    }

    @Test
    void shouldNeverBeNegativeWhenACommitIsPastTheEnd() {
        // a commit left from before the topic was recreated can point past its new end
        assertThat(ConsumerLag.of(Map.of(P0, 100L), Map.of(P0, 0L), Map.of(P0, 102L))).isZero();
    }
}
