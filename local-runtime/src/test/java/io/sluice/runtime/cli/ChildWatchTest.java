package io.sluice.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.runtime.process.ChildProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildWatchTest {

    @TempDir
    Path dir;

    @Test
    void shouldReportAChildThatDiedOnceWithTheEndOfItsLog() {
        ChildProcess dying = ChildProcess.start("indexer", List.of("sh", "-c", "echo 'Caused by: boom'; exit 3"), Map.of(),
                dir, dir.resolve("indexer.log"), dir.resolve("indexer.pid"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ChildWatch watch = new ChildWatch(List.of(dying), new PrintStream(console, true, StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(5)).until(() -> !dying.isAlive());
        watch.check();
        watch.check();

        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("[sluice] indexer (pid " + dying.pid() + ") exited", "Caused by: boom");
        assertThat(printed.split("exited", -1)).hasSize(2);
    }
}
