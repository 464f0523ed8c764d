package io.sluice.runtime.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stops whole process trees. Elasticsearch's launcher forks the server JVM, so stopping only the
 * direct child would leave an orphan behind.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    public static void stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        root.destroy();
        Instant deadline = Instant.now().plus(grace);
        while (Instant.now().isBefore(deadline) && tree.stream().anyMatch(ProcessHandle::isAlive)) {
            sleepBriefly();
            if (!root.isAlive()) {
                tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Stops a process left behind by an earlier supervisor that was killed, if the pid file names a
     * live process whose command line still mentions {@code marker} (so a recycled pid is left alone).
     */
    public static boolean stopStale(Path pidFile, String marker, Duration grace) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return false;
        }
        String text = Files.readString(pidFile).trim();
        Files.delete(pidFile);
        Optional<ProcessHandle> handle;
        try {
            handle = ProcessHandle.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return false;
        }
        if (handle.isEmpty() || !handle.get().isAlive() || !commandMentions(handle.get(), marker)) {
            return false;
        }
        stop(handle.get(), grace);
        return true;
    }

    private static boolean commandMentions(ProcessHandle handle, String marker) {
        Path cmdline = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        try {
            return Files.readString(cmdline).replace('\0', ' ').contains(marker);
        } catch (IOException e) {
            return handle.info().commandLine().map(line -> line.contains(marker)).orElse(false);
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
