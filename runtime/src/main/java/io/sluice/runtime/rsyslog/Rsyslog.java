package io.sluice.runtime.rsyslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real rsyslogd for tests: runs in the foreground with a given configuration, reading what
 * {@link #log} sends through its own Unix socket (so it never touches the machine's syslog).
 */
public final class Rsyslog implements AutoCloseable {

    public static final Path DAEMON = Path.of("/usr/sbin/rsyslogd");

    private final Path dir;
    private final Process process;

    private Rsyslog(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    public static boolean installed() {
        return Files.isExecutable(DAEMON);
    }

    /** Starts rsyslogd with {@code actions} (rsyslog configuration) after a socket input. */
    public static Rsyslog start(Path dir, String actions) {
        try {
            Files.createDirectories(dir.resolve("work"));
            Path config = dir.resolve("rsyslog.conf");
            // owner-only: an action may hold a credential (a Kafka or Elasticsearch password)
            io.sluice.runtime.secrets.SecretStore.writeOwnerOnly(config, String.join("\n",
                    "global(workDirectory=\"" + dir.resolve("work") + "\")",
                    "module(load=\"imuxsock\" SysSock.Use=\"off\")",
                    "input(type=\"imuxsock\" Socket=\"" + dir.resolve("log.sock") + "\" CreatePath=\"on\")",
                    actions, ""));
            Process process = new ProcessBuilder(DAEMON.toString(), "-n", "-f", config.toString(),
                    "-i", dir.resolve("rsyslogd.pid").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("rsyslogd.out").toFile())
                    .start();
            Rsyslog rsyslog = new Rsyslog(dir, process);
            // a plain loop, not Awaitility: the benchmark uses this class outside tests
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(dir.resolve("log.sock")) && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("rsyslogd exited: " + Files.readString(dir.resolve("rsyslogd.out")));
            }
            return rsyslog;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting rsyslogd", e);
        }
    }

    /** Sends one message through rsyslog's socket with the {@code logger} tool, tagged as {@code tag}. */
    public void log(String tag, String priority, String message) {
        try {
            Process logger = new ProcessBuilder("logger", "-u", dir.resolve("log.sock").toString(), "-t", tag,
                    "-p", priority, "--", message).inheritIO().start();
            if (!logger.waitFor(10, TimeUnit.SECONDS) || logger.exitValue() != 0) {
                throw new IllegalStateException("logger failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String output() {
        try {
            return Files.readString(dir.resolve("rsyslogd.out"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
