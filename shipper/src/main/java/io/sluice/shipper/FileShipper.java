package io.sluice.shipper;

import io.sluice.model.EventIds;
import io.sluice.model.ShippedAttributes;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the files of a glob into {@code logs.raw.v1}, like Filebeat or Fluentd's tail: each file
 * is known by the id {@link FileIdentities} gives it, read from its checkpoint, its lines joined into
 * events by a {@link MultilineJoiner}. Checkpoints advance only over events Kafka acknowledged; after a
 * failure or a crash, reading resumes at the checkpoint and the resent events carry the same
 * {@code event.id} (fingerprint + offset), which the indexer turns into a harmless 409.
 */
public final class FileShipper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileShipper.class);
    private static final int READ_BYTES = 1024 * 1024;
    private static final int MAX_LINE_BYTES = 256 * 1024;

    private final ShipperSettings settings;
    private final Producer<String, byte[]> producer;
    private final Checkpoints checkpoints;
    private final Map<String, FileState> files = new HashMap<>();
    private volatile boolean stopped;

    private static final class FileState {
        final MultilineJoiner joiner;
        long readOffset;
        Instant lastLine = Instant.now();

        FileState(MultilineJoiner joiner, long readOffset) {
            this.joiner = joiner;
            this.readOffset = readOffset;
        }
    }

    private record Sent(String fingerprint, long committable, List<Future<RecordMetadata>> acks) {
    }

    public FileShipper(ShipperSettings settings, Producer<String, byte[]> producer) {
        this.settings = settings;
        this.producer = producer;
        this.checkpoints = Checkpoints.load(settings.stateFile());
    }

    /** Polls until {@link #close()}; a failed round is retried from the checkpoints. */
    public void run() {
        long backoff = settings.pollInterval().toMillis();
        while (!stopped) {
            try {
                int shipped = pollOnce(false);
                backoff = settings.pollInterval().toMillis();
                if (shipped == 0) {
                    pause(settings.pollInterval().toMillis());
                }
            } catch (RuntimeException | IOException e) {
                log.warn("shipping round failed, resuming from checkpoints: {}", e.toString());
                files.clear();
                pause(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    /** One round over the files; {@code flushAll} completes pending multiline events (shutdown). Returns events shipped. */
    public int pollOnce(boolean flushAll) throws IOException {
        List<Sent> sent = new ArrayList<>();
        int events = 0;
        List<FileHead> ready = new ArrayList<>();
        for (Path file : Glob.files(settings.glob())) {
            FileHead.read(file).ifPresent(ready::add);
        }
        Map<FileHead, String> identities = FileIdentities.assign(ready, checkpoints);
        // a file's identity is on disk before any of its lines is sent: killed before this round's save, the shipper
        // still knows a file it had started, even copied elsewhere meanwhile (copytruncate), and resends under its ids
        checkpoints.saveIfChanged();
        for (Map.Entry<FileHead, String> file : identities.entrySet()) {
            Sent round = ship(file.getKey().path(), file.getValue(), flushAll);
            events += round.acks().size();
            sent.add(round);
        }
        for (Sent round : sent) {
            for (Future<RecordMetadata> ack : round.acks()) {
                await(ack);
            }
            checkpoints.advance(round.fingerprint(), round.committable());
        }
        checkpoints.saveIfChanged();
        return events;
    }

    private Sent ship(Path file, String fingerprint, boolean flushAll) throws IOException {
        FileState state = files.computeIfAbsent(fingerprint,
                key -> new FileState(new MultilineJoiner(settings.continuation()), checkpoints.offset(key)));
        if (Files.size(file) < state.readOffset) {
            log.info("{} is shorter than its checkpoint: truncated in place, reading it from the start", file);
            files.put(fingerprint, state = new FileState(new MultilineJoiner(settings.continuation()), 0));
        }
        List<MultilineJoiner.Event> events = new ArrayList<>();
        List<MultilineJoiner.Line> lines = LineReader.read(file, state.readOffset, READ_BYTES, MAX_LINE_BYTES);
        for (MultilineJoiner.Line line : lines) {
            events.addAll(state.joiner.add(line));
            state.readOffset = line.nextOffset();
            state.lastLine = Instant.now();
        }
        if (flushAll || (lines.isEmpty() && Instant.now().isAfter(state.lastLine.plus(settings.flushTimeout())))) {
            events.addAll(state.joiner.flush());
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (MultilineJoiner.Event event : events) {
            acks.add(producer.send(record(file, fingerprint, event)));
        }
        long pending = state.joiner.pendingStart();
        return new Sent(fingerprint, pending >= 0 ? pending : state.readOffset, acks);
    }

    private ProducerRecord<String, byte[]> record(Path file, String fingerprint, MultilineJoiner.Event event) {
        Map<String, String> labels = new HashMap<>(Map.of("log.file.path", file.toString(), "log.offset", Long.toString(event.offset())));
        if (event.truncated()) {
            // like Filebeat's log.flags: the event was cut at the line limit, the rest of its line is not in it
            labels.put("log.flags", "truncated");
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RAW.name(), settings.service(),
                event.bytes());
        SluiceHeaders.put(record.headers(), SluiceHeaders.SERVICE, settings.service());
        SluiceHeaders.put(record.headers(), SluiceHeaders.HOST, settings.host());
        SluiceHeaders.put(record.headers(), SluiceHeaders.EVENT_ID, EventIds.nameBased(fingerprint + ":" + event.offset()));
        SluiceHeaders.putAttributes(record.headers(), new ShippedAttributes(null, null, null, null, labels));
        return record;
    }

    private static void await(Future<RecordMetadata> ack) {
        try {
            ack.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the loop; the caller then calls {@link #pollOnce(boolean)} with {@code true} to flush, if it wants. */
    @Override
    public void close() {
        stopped = true;
    }
}
