package io.sluice.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTreeTest {

    @TempDir
    Path dir;

    @Test
    void shouldStopAProcessLeftBehindByAKilledSupervisor() throws Exception {
        Process orphan = new ProcessBuilder("sleep", "300").start();
        Path pidFile = Files.writeString(dir.resolve("x.pid"), Long.toString(orphan.pid()));

        assertThat(ProcessTree.stopStale(pidFile, "sleep 300", Duration.ofSeconds(5))).isTrue();
        assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void shouldLeaveAProcessAloneWhoseCommandIsNotOurs() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "301").start();
        try {
            Path pidFile = Files.writeString(dir.resolve("y.pid"), Long.toString(stranger.pid()));

            assertThat(ProcessTree.stopStale(pidFile, "kafka.Kafka", Duration.ofSeconds(5))).isFalse();
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void shouldStopChildrenOfTheProcessToo() throws Exception {
        Process parent = new ProcessBuilder("sh", "-c", "sleep 302 & wait").start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> parent.toHandle().children().count() == 1);
        ProcessHandle child = parent.toHandle().children().findFirst().orElseThrow();

        ProcessTree.stop(parent.toHandle(), Duration.ofSeconds(5));

        assertThat(parent.isAlive()).isFalse();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
    }
}
