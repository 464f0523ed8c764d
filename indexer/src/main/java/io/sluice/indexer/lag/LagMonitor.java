package io.sluice.indexer.lag;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.topics.Topics;
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
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the indexer's lag — records of {@code logs.enriched.v1} its group has not committed yet —
 * as the gauge {@code sluice.indexer.lag} (Prometheus: {@code sluice_indexer_lag_records}), read from
 * the broker every interval. Unlike the consumer's own lag metric it stays true while the partitions
 * are paused for an Elasticsearch outage, which is exactly when it grows.
 */
public final class LagMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);
    private static final String TOPIC = Topics.ENRICHED.name();

    private final Admin admin;
    private final String group;
    private final long intervalMillis;
    private final AtomicLong lag = new AtomicLong(-1);
    private ScheduledExecutorService timer;

    public LagMonitor(Admin admin, String group, long intervalMillis, MeterRegistry registry) {
        this.admin = admin;
        this.group = group;
        this.intervalMillis = intervalMillis;
        Gauge.builder("sluice.indexer.lag", lag, AtomicLong::get).baseUnit("records")
                .description("records of " + TOPIC + " not yet indexed or dead-lettered (committed); -1 until first read")
                .tag("group", group).register(registry);
    }

    /** Reads the lag from the broker now. */
    public long refresh() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS).get(TOPIC).partitions().forEach(info -> {
            TopicPartition partition = new TopicPartition(TOPIC, info.partition());
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
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        long now = ConsumerLag.of(ends, starts, committed);
        lag.set(now);
        return now;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // the broker is unreachable: the last figure stays, the next read tries again
            log.debug("cannot read the lag of group {}: {}", group, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lag-monitor");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        admin.close();
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
