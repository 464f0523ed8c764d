package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@code ./sluice up} on one data folder: the second is refused, names the first, and the first keeps its lock. */
class RuntimeLockTest {

    @TempDir
    Path dataDir;

    /** Holds the lock in a process of its own until its stdin closes, as a running {@code ./sluice up} does. */
    public static void main(String[] args) throws Exception {
        RuntimeLock.Result result = RuntimeLock.acquire(Path.of(args[0]));
        System.out.println(result.lock().isPresent() ? "locked" : "refused");
        System.out.flush();
        System.in.read();
    }

    @Test
    void shouldRefuseASecondUpOnTheSameDataFolderAndNameTheFirst() throws Exception {
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RuntimeLockTest.class.getName(), dataDir.toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            RuntimeLock.Result second = RuntimeLock.acquire(dataDir);

            assertThat(second.lock()).isEmpty();
            assertThat(second.refusal(dataDir)).contains("pid " + first.pid(), dataDir.toString(), "it keeps running");
            assertThat(first.isAlive()).isTrue();
        } finally {
            first.getOutputStream().close();
            first.waitFor();
        }
        RuntimeLock.Result afterwards = RuntimeLock.acquire(dataDir);
        assertThat(afterwards.lock()).as("free once the first has ended").isPresent();
        afterwards.lock().get().close();
    }

    @Test
    void shouldBeFreeAgainWhenItsHolderIsKilled() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RuntimeLockTest.class.getName(), dataDir.toString()).start();
        assertThat(new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine()).isEqualTo("locked");

        holder.destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !holder.isAlive());

        RuntimeLock.Result next = RuntimeLock.acquire(dataDir);
        assertThat(next.lock()).isPresent();
        next.lock().get().close();
    }
}
