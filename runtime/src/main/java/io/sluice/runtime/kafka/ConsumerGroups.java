package io.sluice.runtime.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/** Consumer groups as the broker sees them: who has joined and been given partitions. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /**
     * Waits until a member of the group holds partitions. A consumer that starts at the latest offset
     * sees only what is written after this returns: a service's readiness does not say its listener
     * has joined its group.
     */
    public static void awaitAssigned(Admin admin, String group, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (hasAssignedMember(admin, group)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("group " + group + " did not get partitions within " + timeout);
    }

    private static boolean hasAssignedMember(Admin admin, String group) throws InterruptedException, TimeoutException {
        try {
            var description = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
            return description != null
                    && description.members().stream().anyMatch(member -> !member.assignment().topicPartitions().isEmpty());
        } catch (ExecutionException notYet) {
            return false; // the group does not exist until its first member joins
        }
    }
}
