package io.sluice.runtime.kafka;

import io.sluice.kafka.KafkaAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Where a topic ends and how far a consumer group has committed on it, as the broker sees it. */
public final class TopicOffsets {

    private TopicOffsets() {
    }

    /** The end offset of every partition of the topic. */
    public static Map<TopicPartition, Long> latest(Admin admin, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(partition -> query.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> latest = new HashMap<>();
        admin.listOffsets(query).all().get(30, TimeUnit.SECONDS).forEach((partition, info) -> latest.put(partition, info.offset()));
        return latest;
    }

    /** The end offsets of the topic, summed over its partitions. */
    public static long latestSum(Admin admin, String topic) throws ExecutionException, InterruptedException, TimeoutException {
        return latest(admin, topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The group's committed offsets on the topic, summed over partitions (0 where it committed nothing). */
    public static long committedSum(Admin admin, String group, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(entry -> entry.getKey().topic().equals(topic))
                .filter(entry -> entry.getValue() != null).mapToLong(entry -> entry.getValue().offset()).sum();
    }

    /**
     * Commits the group at the topic's end, so a consumer (or a Kafka Streams application: its group is
     * its application id) started afterwards reads only what comes next — how a test sees only its own records.
     */
    public static void commitAtEnd(KafkaAccess kafka, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.properties())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            latest(admin, topic).forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
            admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
        }
    }
}
