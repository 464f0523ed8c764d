package io.sluice.e2e.chaos;

import io.sluice.tokens.IngestAccess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Continuous ingest through every ingest instance at once, as shippers send: NDJSON batches with unique {@code event.id}s,
 * a batch that is not answered 2xx sent again (same ids) until it is — the way Beats, Vector or Fluent Bit retry. Every
 * tenth batch carries one line dated 2020, older than any retention, which the indexer must dead-letter.
 * Keeps the ledger the oracle checks: the ids of every line of every 2xx, and every answer's status and timing.
 */
final class ChaosTraffic implements AutoCloseable {

    static final int LINES_PER_BATCH = 10;
    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    /** A batch no instance acknowledges within this long is lost to the sender: the oracle fails on it. */
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final String service;
    private final List<IngestAccess> doors;
    private final Set<String> indexable = ConcurrentHashMap.newKeySet();
    private final Set<String> deadLettered = ConcurrentHashMap.newKeySet();
    private final List<String> unacknowledged = new CopyOnWriteArrayList<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final List<Thread> senders = new ArrayList<>();

    /** One HTTP answer (status -1: no answer, the connection failed) from door {@code door}, with when it was asked and answered. */
    record Answer(int door, long askedNanos, long answeredNanos, int status) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private ChaosTraffic(String service, List<IngestAccess> doors) {
        this.service = service;
        this.doors = List.copyOf(doors);
    }

    /** Starts one sender per ingest instance, all for {@code service}. */
    static ChaosTraffic start(String service, List<IngestAccess> doors) {
        ChaosTraffic traffic = new ChaosTraffic(service, doors);
        for (int door = 0; door < doors.size(); door++) {
            int index = door;
            Thread sender = new Thread(() -> traffic.send(index), "chaos-sender-" + (door + 1));
            sender.setDaemon(true);
            traffic.senders.add(sender);
            sender.start();
        }
        return traffic;
    }

    String service() {
        return service;
    }

    /** Ids of the lines acknowledged that must be indexed. */
    Set<String> indexable() {
        return Set.copyOf(indexable);
    }

    /** Ids of the lines acknowledged that must be dead-lettered. */
    Set<String> deadLettered() {
        return Set.copyOf(deadLettered);
    }

    List<String> unacknowledged() {
        return List.copyOf(unacknowledged);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /**
     * How ingest answered from {@code sinceNanos} on: the longest time any instance went without answering a request 2xx
     * (it includes the senders' own pause and a request's time, ~0.1-0.3 s when nothing is wrong), the answers that were not
     * 2xx, and the slowest 2xx.
     */
    Gaps gapsSince(long sinceNanos) {
        long longest = 0;
        long slowest = 0;
        java.util.Map<Integer, Integer> refused = new java.util.TreeMap<>();
        for (int door = 0; door < doors.size(); door++) {
            long lastAccepted = sinceNanos;
            int index = door;
            List<Answer> mine = answers.stream().filter(answer -> answer.door() == index && answer.answeredNanos() >= sinceNanos)
                    .sorted(java.util.Comparator.comparingLong(Answer::answeredNanos)).toList();
            for (Answer answer : mine) {
                if (answer.accepted()) {
                    longest = Math.max(longest, answer.answeredNanos() - lastAccepted);
                    slowest = Math.max(slowest, answer.answeredNanos() - answer.askedNanos());
                    lastAccepted = answer.answeredNanos();
                } else {
                    refused.merge(answer.status(), 1, Integer::sum);
                }
            }
        }
        return new Gaps(longest / 1_000_000, refused, slowest / 1_000_000);
    }

    /** See {@link #gapsSince}; {@code refused} counts answers by status (-1: the connection failed). */
    record Gaps(long longestWithoutAcceptMs, java.util.Map<Integer, Integer> refused, long slowestAcceptMs) {
        @Override
        public String toString() {
            return "longest without a 2xx " + longestWithoutAcceptMs + " ms, not 2xx " + refused + ", slowest 2xx " + slowestAcceptMs + " ms";
        }
    }

    int acknowledged() {
        return indexable.size() + deadLettered.size();
    }

    /** Sends {@code errors} ERROR lines for {@code burstService} through the first instance, repeating until accepted. */
    void burst(String burstService, int errors) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < errors; i++) {
            body.append("{\"event.id\":\"").append(burstService).append('-').append(i)
                    .append("\",\"log.level\":\"ERROR\",\"message\":\"chaos burst: payment declined ").append(i).append("\"}\n");
        }
        if (!deliver(0, doors.get(0).httpClient(), burstService, body.toString())) {
            throw new IllegalStateException("the error burst was not accepted within " + GIVE_UP);
        }
    }

    /** Stops sending; each sender finishes its batch (acknowledged, or given up) first. */
    @Override
    public void close() throws InterruptedException {
        sending.set(false);
        for (Thread sender : senders) {
            sender.join(GIVE_UP.toMillis() + 10_000);
        }
    }

    private void send(int door) {
        HttpClient http = doors.get(door).httpClient();
        for (int batch = 0; sending.get(); batch++) {
            List<String> ids = new ArrayList<>();
            String old = null;
            StringBuilder body = new StringBuilder();
            String now = Instant.now().toString();
            for (int line = 0; line < LINES_PER_BATCH; line++) {
                String id = service + "-" + (door + 1) + "-" + batch + "-" + line;
                ids.add(id);
                body.append("{\"@timestamp\":\"").append(now).append("\",\"event.id\":\"").append(id)
                        .append("\",\"log.level\":\"INFO\",\"message\":\"chaos line ").append(line).append(" of batch ").append(batch)
                        .append("\"}\n");
            }
            if (batch % 10 == 0) {
                old = service + "-" + (door + 1) + "-" + batch + "-old";
                body.append("{\"@timestamp\":\"2020-01-01T00:00:00Z\",\"event.id\":\"").append(old)
                        .append("\",\"message\":\"a line from long before the retention\"}\n");
            }
            if (deliver(door, http, service, body.toString())) {
                indexable.addAll(ids);
                if (old != null) {
                    deadLettered.add(old);
                }
            } else {
                unacknowledged.add(service + "-" + (door + 1) + "-" + batch);
            }
            pause(PAUSE);
        }
    }

    /** Posts the batch until an instance answers 2xx; false when it did not within {@link #GIVE_UP}. */
    private boolean deliver(int door, HttpClient http, String forService, String body) {
        IngestAccess ingest = doors.get(door);
        long giveUpAt = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < giveUpAt) {
            long asked = System.nanoTime();
            int status;
            try {
                status = http.send(ingest.request("/api/v1/logs?service=" + forService).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            Answer answer = new Answer(door, asked, System.nanoTime(), status);
            answers.add(answer);
            if (answer.accepted()) {
                return true;
            }
            pause(RETRY_PAUSE);
        }
        return false;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
