package io.sluice.runtime.cli;

import io.sluice.runtime.process.ChildProcess;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reports on the console, once, each child of {@code ./sluice up} that exited while the platform
 * was meant to be running, with the end of its log — a crash is never silent.
 */
final class ChildWatch implements AutoCloseable {

    private final List<ChildProcess> children;
    private final PrintStream out;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sluice-child-watch");
        thread.setDaemon(true);
        return thread;
    });

    ChildWatch(List<ChildProcess> children, PrintStream out) {
        this.children = List.copyOf(children);
        this.out = out;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::check, 2, 2, TimeUnit.SECONDS);
    }

    void check() {
        for (ChildProcess child : children) {
            if (!child.isAlive() && reported.add(child.name())) {
                out.println("\n[sluice] " + child.name() + " (pid " + child.pid() + ") exited; last lines of "
                        + child.logFile() + ":\n" + child.logTail(15) + "\n");
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
