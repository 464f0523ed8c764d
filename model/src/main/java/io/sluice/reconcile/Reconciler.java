package io.sluice.reconcile;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.index.IndexNames;
import io.sluice.json.Json;
import io.sluice.kafka.KafkaAccess;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Accounts for every record Kafka accepted on {@code logs.raw.v1} in a time window: its event is found in
 * Elasticsearch by id (ids queries, a thousand at a time), or the dead-letter topic has it (by the raw
 * coordinates a stage recorded, or the event id), or it is a line the processor joined into the event before
 * it; otherwise it is missing. By id rather than by counts, so retries and replays (same ids) balance by
 * themselves, and a missing record is named by its offset. Reads without a consumer group, committed records
 * only (an aborted transaction's dead letters do not count).
 */
public final class Reconciler {

    private static final int BATCH = 1_000;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STALLED = Duration.ofSeconds(60);

    private final KafkaAccess kafka;
    private final ElasticsearchAccess elasticsearch;

    public Reconciler(KafkaAccess kafka, ElasticsearchAccess elasticsearch) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
    }

    /** The records accepted from {@code from} until {@code until} (of {@code service}, or all when null). */
    public Reconciliation reconcile(Instant from, Instant until, String service) {
        DeadLetters deadLetters = new DeadLetters();
        read(Topics.DLQ.name(), from.toEpochMilli(), Long.MAX_VALUE, deadLetters::add);
        Map<String, HourTally> tallies = new TreeMap<>();
        Map<String, Boolean> partialBefore = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        read(Topics.RAW.name(), from.toEpochMilli(), until.toEpochMilli(), record -> {
            if (service == null || service.equals(RawRecords.service(record))) {
                batch.add(record);
                if (batch.size() == BATCH) {
                    account(batch, deadLetters, tallies, partialBefore);
                    batch.clear();
                }
            }
        });
        account(batch, deadLetters, tallies, partialBefore);
        return new Reconciliation(from, until, List.copyOf(tallies.values()));
    }

    private void account(List<ConsumerRecord<byte[], byte[]>> batch, DeadLetters deadLetters, Map<String, HourTally> tallies,
            Map<String, Boolean> partialBefore) {
        if (batch.isEmpty()) {
            return;
        }
        List<String> ids = batch.stream().map(RawRecords::eventId).toList();
        Set<String> indexed = indexed(ids);
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = batch.get(i);
            String id = ids.get(i);
            String coordinates = RawRecords.coordinates(record);
            String source = RawRecords.source(record);
            RecordFate fate;
            if (indexed.contains(id)) {
                fate = RecordFate.INDEXED;
            } else if (deadLetters.has(coordinates, id)) {
                fate = RecordFate.DEAD_LETTERED;
            } else if (partialBefore.getOrDefault(source, false) || RawRecords.continuation(record)) {
                fate = RecordFate.JOINED;
            } else {
                fate = RecordFate.MISSING;
            }
            partialBefore.put(source, RawRecords.partial(record));
            Instant hour = Instant.ofEpochMilli(record.timestamp()).truncatedTo(ChronoUnit.HOURS);
            String service = RawRecords.service(record);
            tallies.computeIfAbsent(hour + "|" + service, key -> new HourTally(hour, service)).count(fate, coordinates);
        }
    }

    /** Which of the ids Elasticsearch has, in any log index. */
    private Set<String> indexed(List<String> ids) {
        String body = Json.MAPPER.writeValueAsString(Map.of("size", ids.size() * 2, "_source", false, "track_total_hits", false,
                "query", Map.of("ids", Map.of("values", ids))));
        HttpRequest request = elasticsearch.request("/" + IndexNames.PATTERN + "/_search?ignore_unavailable=true&allow_no_indices=true")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = elasticsearch.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode answer = Json.MAPPER.readTree(response.body());
            if (answer.path("_shards").path("failed").asInt() > 0) {
                throw new IllegalStateException("Elasticsearch could not search every index: " + answer.path("_shards").path("failures"));
            }
            Set<String> found = new HashSet<>();
            answer.path("hits").path("hits").forEach(hit -> found.add(hit.path("_id").asString()));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Elasticsearch at " + elasticsearch.url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every committed record of {@code topic} with a timestamp in [from, until), partition by partition up to its end now. */
    private void read(String topic, long fromMillis, long untilMillis, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<String, Object> properties = new HashMap<>(kafka.properties());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(partition -> times.put(partition, fromMillis));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times, Duration.ofSeconds(30));
            Set<TopicPartition> open = new HashSet<>();
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp start = starts.get(partition);
                long offset = start == null ? ends.get(partition) : start.offset();
                consumer.seek(partition, offset);
                if (offset < ends.get(partition)) {
                    open.add(partition);
                }
            }
            consumer.pause(partitions.stream().filter(partition -> !open.contains(partition)).toList());
            Instant stalledSince = Instant.now();
            while (!open.isEmpty()) {
                var records = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(partition) && record.timestamp() >= fromMillis && record.timestamp() < untilMillis) {
                        each.accept(record);
                    }
                }
                boolean finished = open.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
                if (finished) {
                    consumer.pause(partitions.stream().filter(partition -> !open.contains(partition)).toList());
                }
                if (!records.isEmpty() || finished) {
                    stalledSince = Instant.now();
                } else if (Duration.between(stalledSince, Instant.now()).compareTo(STALLED) > 0) {
                    throw new IllegalStateException("could not read " + topic + " up to its end for " + STALLED.toSeconds()
                            + " s (partitions " + open + "): is Kafka reachable?");
                }
            }
        }
    }

    /** The dead letters of the window: the raw coordinates a stage recorded, and the event ids they carry. */
    private static final class DeadLetters {
        private final Set<String> origins = new HashSet<>();
        private final Set<String> ids = new HashSet<>();

        void add(ConsumerRecord<byte[], byte[]> record) {
            String topic = SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_TOPIC);
            if (Topics.RAW.name().equals(topic)) {
                origins.add(topic + "-" + SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_PARTITION) + "@"
                        + SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_OFFSET));
            }
            String id = SluiceHeaders.text(record.headers(), SluiceHeaders.EVENT_ID);
            if (id != null) {
                ids.add(id);
            } else if (record.value() != null && record.value().length > 0 && record.value()[0] == '{') {
                try {
                    String own = Json.MAPPER.readTree(record.value()).path("event.id").asString(null);
                    if (own != null) {
                        ids.add(own);
                    }
                } catch (JacksonException truncatedOrNotAnEvent) {
                    // a raw line the processor refused: known by its origin
                }
            }
        }

        boolean has(String coordinates, String id) {
            return origins.contains(coordinates) || ids.contains(id);
        }
    }
}
