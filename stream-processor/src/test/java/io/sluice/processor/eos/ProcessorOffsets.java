package io.sluice.processor.eos;

import io.sluice.runtime.kafka.TopicOffsets;
import io.sluice.testing.TestPlatform;
import io.sluice.topics.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Where {@code logs.raw.v1} ends and how far the processor has committed on it, summed over partitions. */
final class ProcessorOffsets {

    private ProcessorOffsets() {
    }

    static long endOffsets(TestPlatform platform) throws Exception {
        try (Admin admin = admin(platform)) {
            return TopicOffsets.latestSum(admin, Topics.RAW.name());
        }
    }

    /** Committed offsets of the processor's group on logs.raw.v1 (transactions included). */
    static long committedOffsets(TestPlatform platform) throws Exception {
        try (Admin admin = admin(platform)) {
            return TopicOffsets.committedSum(admin, "sluice-stream-processor", Topics.RAW.name());
        }
    }

    private static Admin admin(TestPlatform platform) {
        return Admin.create(platform.kafka().properties());
    }
}
