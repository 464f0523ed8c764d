package io.sluice.bench;

import io.sluice.runtime.kafka.ConsumerGroups;
import io.sluice.runtime.kafka.TopicOffsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/** How far a consumer group is through a topic, from the broker's point of view. */
final class ConsumedInput {

    private final Admin admin;

    ConsumedInput(Admin admin) {
        this.admin = admin;
    }

    /** Waits until the group has a member: the application is subscribed and idle. */
    void awaitMember(String group) throws InterruptedException, TimeoutException {
        ConsumerGroups.awaitAssigned(admin, group, Duration.ofMinutes(2));
        Thread.sleep(2_000); // let the start-up settle before CPU is sampled
    }

    long endOffsets(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        return TopicOffsets.latestSum(admin, topic);
    }

    /**
     * Waits until the group's committed offsets on the topic add up to {@code target}. Under exactly-once
     * a committed offset may sit one above the last record (the transaction marker), so "at least" counts.
     */
    void awaitCommitted(String group, String topic, long target, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (TopicOffsets.committedSum(admin, group, topic) >= target) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("group " + group + " did not consume " + topic + " up to " + target + " in " + timeout);
    }
}
