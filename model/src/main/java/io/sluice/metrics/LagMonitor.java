package io.sluice.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a stage's consumer lag — records of its input topic its group has not committed yet — as
 * the gauge {@code sluice.consumer.lag} (Prometheus: {@code sluice_consumer_lag_records{stage,group,topic}}),
 * read from the broker every interval. Unlike the consumer's own lag metric it stays true while the
 * consumer is paused, stuck or dead in another process, which is exactly when it grows.
 */
public final class LagMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);

    private final Admin admin;
    private final String group;
    private final String topic;
    private final long intervalMillis;
    private final AtomicLong lag = new AtomicLong(-1);
    private ScheduledExecutorService timer;

    public LagMonitor(Admin admin, String stage, String group, String topic, long intervalMillis, MeterRegistry registry) {
        this.admin = admin;
        this.group = group;
        this.topic = topic;
        this.intervalMillis = intervalMillis;
        Gauge.builder(SluiceMeters.CONSUMER_LAG, lag, AtomicLong::get).baseUnit("records")
                .description("records of the stage's input topic its group has not committed yet; -1 until first read")
                .tags("stage", stage, "group", group, "topic", topic).register(registry);
    }

    /** Reads the lag from the broker now. */
    public long refresh() throws ExecutionException, InterruptedException, TimeoutException {
        long now = read(admin, group, topic).lag();
        lag.set(now);
        return now;
    }

    /** Where a group stands on a topic: its committed offsets summed over partitions, and its lag. */
    public record Reading(long committed, long lag) {
    }

    /** Where {@code group} stands on {@code topic}, as the broker sees it now. */
    public static Reading read(Admin admin, String group, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions().forEach(info -> {
            TopicPartition partition = new TopicPartition(topic, info.partition());
            latest.put(partition, OffsetSpec.latest());
            earliest.put(partition, OffsetSpec.earliest());
        });
        ListOffsetsOptions readCommitted = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, readCommitted).all().get(10, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
        Map<TopicPartition, Long> starts = new HashMap<>();
        admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS).forEach((p, info) -> starts.put(p, info.offset()));
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        offsets.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                committed.put(partition, offset.offset());
            }
        });
        long committedSum = committed.values().stream().mapToLong(Long::longValue).sum();
        return new Reading(committedSum, ConsumerLag.of(ends, starts, committed));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // the broker is unreachable: the last figure stays, the next read tries again
            log.debug("cannot read the lag of group {} on {}: {}", group, topic, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts refreshing in the background; returns this for wiring. */
    public LagMonitor start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lag-monitor-" + group);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, intervalMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        admin.close();
    }
}
