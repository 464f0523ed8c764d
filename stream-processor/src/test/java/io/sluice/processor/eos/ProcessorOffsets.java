package io.sluice.processor.eos;

import io.sluice.runtime.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Where {@code logs.raw.v1} ends and how far the processor has committed on it, summed over partitions. */
final class ProcessorOffsets {

    private ProcessorOffsets() {
    }

    static long endOffsets(TestPlatform platform) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get().get(Topics.RAW.name()).partitions()
                    .forEach(partition -> latest.put(new TopicPartition(Topics.RAW.name(), partition.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    /** Committed offsets of the processor's group on logs.raw.v1 (transactions included). */
    static long committedOffsets(TestPlatform platform) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("sluice-stream-processor")
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(entry -> entry.getKey().topic().equals(Topics.RAW.name()))
                    .filter(entry -> entry.getValue() != null).mapToLong(entry -> entry.getValue().offset()).sum();
        }
    }
}
