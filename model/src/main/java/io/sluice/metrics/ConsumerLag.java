package io.sluice.metrics;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** How many records of a topic a group has not committed yet, summed over the topic's partitions. */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /**
     * @param ends      where each partition ends for a read_committed reader (the last stable offset)
     * @param starts    where each partition's log starts: a group without a commit reads from there
     * @param committed the group's committed offsets; a partition may be missing
     */
    public static long of(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> starts, Map<TopicPartition, Long> committed) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long from = committed.getOrDefault(end.getKey(), starts.getOrDefault(end.getKey(), 0L));
            lag += Math.max(0, end.getValue() - from);
        }
        return lag;
    }
}
