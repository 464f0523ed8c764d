package io.sluice.runtime.process;

import io.sluice.runtime.process.ChildProcess;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps what {@code ./sluice up} started running — Kafka, Elasticsearch and the four services: a
 * process that exits is reported on the console with the end of its log and started again after a
 * backoff (1 s, doubling to 1 min; back to 1 s once it has run for 5 min). Every change is written to
 * {@link ServiceStates} for {@code ./sluice status}. Closing it stops the services at once, each
 * finishing its in-flight work, and only then Kafka and Elasticsearch, which that work needs.
 */
public final class Supervisor implements AutoCloseable {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    static final Duration STABLE_AFTER = Duration.ofMinutes(5);

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Path stateDir;
    private final PrintStream out;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sluice-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    public Supervisor(Path stateDir, PrintStream out, Clock clock) {
        this.stateDir = stateDir;
        this.out = out;
        this.clock = clock;
    }

    /** What a child is to the platform: the runtime (Kafka, Elasticsearch) stops after the services. */
    public enum Tier { RUNTIME, SERVICES }

    /** Supervises a running child; {@code restart} starts a new one in its place (and may take a while). */
    public synchronized void supervise(ChildProcess child, Supplier<ChildProcess> restart, Tier tier) {
        slots.put(child.name(), new Slot(child, restart, tier, clock.instant()));
        writeStates();
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    synchronized void check() {
        if (closed) {
            return;
        }
        boolean changed = false;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (Slot slot : slots.values()) {
            changed |= slot.step(now);
        }
        if (changed) {
            writeStates();
        }
    }

    /** Stops the services, in parallel, then the runtime; a restart under way is interrupted first. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        List<Slot> all;
        synchronized (this) {
            all = List.copyOf(slots.values());
        }
        stop(all, Tier.SERVICES);
        stop(all, Tier.RUNTIME);
        ServiceStates.remove(stateDir);
    }

    private static void stop(List<Slot> slots, Tier tier) {
        CompletableFuture.allOf(slots.stream().filter(slot -> slot.tier == tier).map(slot -> slot.child)
                .map(child -> CompletableFuture.runAsync(child::close)).toArray(CompletableFuture[]::new)).join();
    }

    private void writeStates() {
        List<ServiceStates.State> states = new ArrayList<>();
        slots.forEach((name, slot) -> states.add(slot.state(name)));
        new ServiceStates(ProcessHandle.current().pid(), clock.instant(), states).write(stateDir);
    }

    private final class Slot {
        private final Supplier<ChildProcess> restart;
        private final Tier tier;
        private ChildProcess child;
        private Instant startedAt;
        private Duration backoff = FIRST_BACKOFF;
        private Instant nextStartAt;
        private int restarts;
        private Instant lastExitAt;
        private Integer lastExitCode;

        Slot(ChildProcess child, Supplier<ChildProcess> restart, Tier tier, Instant startedAt) {
            this.child = child;
            this.restart = restart;
            this.tier = tier;
            this.startedAt = startedAt;
        }

        /** Moves this slot on; true when its state changed. */
        boolean step(Instant now) {
            if (nextStartAt == null) {
                if (child.isAlive()) {
                    if (backoff.compareTo(FIRST_BACKOFF) > 0 && Duration.between(startedAt, now).compareTo(STABLE_AFTER) >= 0) {
                        backoff = FIRST_BACKOFF;
                    }
                    return false;
                }
                lastExitAt = now;
                lastExitCode = child.exitCode().isPresent() ? child.exitCode().getAsInt() : null;
                nextStartAt = now.plus(backoff);
                out.println("\n[sluice] " + child.name() + " (pid " + child.pid() + ") exited"
                        + (lastExitCode == null ? "" : " with code " + lastExitCode) + "; restarting in "
                        + backoff.toSeconds() + " s. Last lines of " + child.logFile() + ":\n" + child.logTail(15) + "\n");
                growBackoff();
                return true;
            }
            if (now.isBefore(nextStartAt)) {
                return false;
            }
            try {
                child = restart.get();
                restarts++;
                startedAt = now;
                nextStartAt = null;
                out.println("[sluice] " + child.name() + " restarted (pid " + child.pid() + ", restart " + restarts + ")");
            } catch (RuntimeException e) {
                nextStartAt = now.plus(backoff);
                out.println("[sluice] " + child.name() + " could not be restarted (" + e.getMessage() + "); next try in "
                        + backoff.toSeconds() + " s");
                growBackoff();
            }
            return true;
        }

        private void growBackoff() {
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }

        ServiceStates.State state(String name) {
            String state = nextStartAt != null ? "restarting" : child.isAlive() ? "running" : "stopped";
            return new ServiceStates.State(name, child.pid(), state, restarts, lastExitAt, lastExitCode, nextStartAt);
        }
    }
}
