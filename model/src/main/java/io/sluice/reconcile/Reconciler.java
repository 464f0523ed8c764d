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

    private static final int BATCH = 5_000;
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
        return reconcile(from, until, service, new ReconcileProgress());
    }

    /**
     * As {@link #reconcile(Instant, Instant, String)}, resuming where {@code progress} settled (and settling further):
     * the answer counts the settled records of the hours the window touches with what this run found.
     */
    public Reconciliation reconcile(Instant from, Instant until, String service, ReconcileProgress progress) {
        progress.prune(from);
        DeadLetters deadLetters = new DeadLetters();
        read(Topics.DLQ.name(), from.toEpochMilli(), Map.of(), deadLetters::add);
        Run run = new Run(from, until, service, deadLetters, progress);
        run.recheckPending();
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        read(Topics.RAW.name(), from.toEpochMilli(), progress.settledUntil, record -> {
            batch.add(record);
            if (batch.size() == BATCH) {
                run.account(batch);
                batch.clear();
            }
        });
        run.account(batch);
        Map<String, HourTally> hours = new TreeMap<>();
        progress.settled.forEach((key, tally) -> hours.put(key, tally.copy()));
        run.unsettled.forEach((key, tally) -> hours.merge(key, tally, HourTally::plus));
        return new Reconciliation(from, until, List.copyOf(hours.values()), run.lookedUp);
    }

    /**
     * One run: each partition's records settle in offset order — a missing one as pending, while there is room — until
     * one is too young to tell, or missing with no room left.
     */
    private final class Run {
        private final long from;
        private final long until;
        private final String service;
        private final DeadLetters deadLetters;
        private final ReconcileProgress progress;
        private final Map<String, Boolean> partialBefore;
        private final Set<TopicPartition> blocked = new HashSet<>();
        private final Map<String, HourTally> unsettled = new TreeMap<>();
        private long lookedUp;

        Run(Instant from, Instant until, String service, DeadLetters deadLetters, ReconcileProgress progress) {
            this.from = from.toEpochMilli();
            this.until = until.toEpochMilli();
            this.service = service;
            this.deadLetters = deadLetters;
            this.progress = progress;
            this.partialBefore = new HashMap<>(progress.partialBefore);
        }

        /** The records missing in earlier runs, looked up again: found ones settle, the others stay pending. */
        void recheckPending() {
            List<ReconcileProgress.Pending> earlier = List.copyOf(progress.pending);
            progress.pending.clear();
            for (int start = 0; start < earlier.size(); start += BATCH) {
                List<ReconcileProgress.Pending> batch = earlier.subList(start, Math.min(earlier.size(), start + BATCH));
                Set<String> indexed = indexed(batch.stream().map(ReconcileProgress.Pending::id).toList());
                lookedUp += batch.size();
                for (ReconcileProgress.Pending record : batch) {
                    RecordFate fate = found(indexed, record.coordinates(), record.id());
                    if (fate == RecordFate.MISSING) {
                        progress.pending.add(record);
                    }
                    tally(fate == RecordFate.MISSING ? unsettled : progress.settled, record.hour(), record.service())
                            .count(fate, record.coordinates());
                }
            }
        }

        void account(List<ConsumerRecord<byte[], byte[]>> batch) {
            List<ConsumerRecord<byte[], byte[]>> counted = batch.stream().filter(this::counts).toList();
            List<String> ids = counted.stream().map(RawRecords::eventId).toList();
            Set<String> indexed = counted.isEmpty() ? Set.of() : indexed(ids);
            lookedUp += ids.size();
            int next = 0;
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.timestamp() >= until) {
                    blocked.add(partition); // too young to tell: this partition settles no further this run
                    continue;
                }
                if (!counts(record)) {
                    settleIfOpen(partition, record);
                    continue;
                }
                String id = ids.get(next++);
                String coordinates = RawRecords.coordinates(record);
                String source = RawRecords.source(record);
                RecordFate fate = found(indexed, coordinates, id);
                if (fate == RecordFate.MISSING && (partialBefore.getOrDefault(source, false) || RawRecords.continuation(record))) {
                    fate = RecordFate.JOINED;
                }
                partialBefore.put(source, RawRecords.partial(record));
                Instant hour = Instant.ofEpochMilli(record.timestamp()).truncatedTo(ChronoUnit.HOURS);
                String recordService = RawRecords.service(record);
                // a missing record settles too, as pending, while there is room to remember it
                boolean settles = (fate != RecordFate.MISSING || progress.pending.size() < progress.pendingLimit)
                        && settleIfOpen(partition, record);
                if (settles) {
                    progress.partialBefore.put(source, RawRecords.partial(record));
                    if (fate == RecordFate.MISSING) {
                        progress.pending.add(new ReconcileProgress.Pending(hour, recordService, coordinates, id));
                    }
                } else {
                    blocked.add(partition);
                }
                tally(settles && fate != RecordFate.MISSING ? progress.settled : unsettled, hour, recordService).count(fate, coordinates);
            }
        }

        /** Indexed, dead-lettered, or (as far as Elasticsearch and the dead letters tell) missing. */
        private RecordFate found(Set<String> indexed, String coordinates, String id) {
            return indexed.contains(id) ? RecordFate.INDEXED
                    : deadLetters.has(coordinates, id) ? RecordFate.DEAD_LETTERED : RecordFate.MISSING;
        }

        /** Whether the record is one this run answers for: in the window, of the service asked about. */
        private boolean counts(ConsumerRecord<byte[], byte[]> record) {
            return record.timestamp() >= from && record.timestamp() < until
                    && (service == null || service.equals(RawRecords.service(record)));
        }

        private boolean settleIfOpen(TopicPartition partition, ConsumerRecord<byte[], byte[]> record) {
            if (blocked.contains(partition)) {
                return false;
            }
            progress.settle(partition, record.offset());
            return true;
        }
    }

    /** The tally of one hour and service in {@code tallies}, made when it is not there yet. */
    private static HourTally tally(Map<String, HourTally> tallies, Instant hour, String service) {
        return tallies.computeIfAbsent(hour + "|" + service, key -> new HourTally(hour, service));
    }

    /** Which of the ids Elasticsearch has, in any log index. */
    private Set<String> indexed(List<String> ids) {
        String body = Json.MAPPER.writeValueAsString(Map.of("size", Math.min(10_000, ids.size() * 2), "_source", false, "track_total_hits", false,
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

    /**
     * Every committed record of {@code topic} from the first with a timestamp of {@code fromMillis} or later (or from
     * where {@code resume} says, when that is further), partition by partition up to its end now, in offset order.
     */
    private void read(String topic, long fromMillis, Map<TopicPartition, Long> resume, Consumer<ConsumerRecord<byte[], byte[]>> each) {
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
                long offset = Math.max(start == null ? ends.get(partition) : start.offset(), resume.getOrDefault(partition, 0L));
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
                    if (record.offset() < ends.get(partition)) {
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
