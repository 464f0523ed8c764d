package io.sluice.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process the runtime started: its output goes to a log file, its pid to a pid file (so a later
 * start can clean up after a supervisor that was killed), and stopping it stops its whole process
 * tree, gently first.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
            Path logFile, Path pidFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            log.info("started {} (pid {}), log {}", name, process.pid(), logFile);
            return new ChildProcess(name, process, logFile, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command.get(0), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended; empty while it runs. */
    public java.util.OptionalInt exitCode() {
        return process.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(process.exitValue());
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Waits until {@code ready} answers true. Fails fast, with the end of the log, if the process
     * exits first; stops it and fails if it is not ready in time.
     */
    public void awaitReady(BooleanSupplier ready, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited during start-up, see " + logFile + ":\n" + logTail(40));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        close();
        throw new IllegalStateException(name + " was not " + what + " within " + timeout.toSeconds() + " s, see " + logFile);
    }

    /** The last lines of the log, for an error message that says why the process died. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process tree: SIGTERM, up to 30 s for a clean exit, then SIGKILL for what is left. Only the first call acts. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean wasRunning = process.isAlive();
        ProcessTree.stop(process.toHandle(), GRACE);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("cannot remove pid file {}", pidFile, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (wasRunning) {
            log.info("stopped {}", name);
        }
    }
}
