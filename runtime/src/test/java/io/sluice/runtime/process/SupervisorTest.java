package io.sluice.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.runtime.process.ChildProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final List<ChildProcess> started = new ArrayList<>();
    private Supervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        started.forEach(ChildProcess::close);
    }

    @Test
    void shouldRestartADeadServiceAfterABackoffThatDoublesAndReportIt() {
        supervisor = new Supervisor(dir, new PrintStream(console, true, StandardCharsets.UTF_8), clock);
        supervisor.supervise(child("exit 3"), () -> child("exit 4"), Supervisor.Tier.SERVICES);

        awaitExit();
        supervisor.check();
        assertThat(printed()).contains("[sluice] indexer (pid ", ") exited with code 3; restarting in 1 s", "Caused by: boom");
        assertThat(state().state()).isEqualTo("restarting");
        assertThat(state().lastExitCode()).isEqualTo(3);

        clock.move(Duration.ofMillis(500));
        supervisor.check();
        assertThat(started).hasSize(1);
        clock.move(Duration.ofMillis(500));
        supervisor.check();
        assertThat(started).hasSize(2);
        assertThat(printed()).contains("[sluice] indexer restarted (pid " + started.get(1).pid() + ", restart 1)");
        assertThat(state().restarts()).isEqualTo(1);
        assertThat(state().pid()).isEqualTo(started.get(1).pid());

        awaitExit();
        supervisor.check();
        assertThat(printed()).contains("exited with code 4; restarting in 2 s");
        clock.move(Duration.ofSeconds(1));
        supervisor.check();
        assertThat(started).hasSize(2);
        clock.move(Duration.ofSeconds(1));
        supervisor.check();
        assertThat(started).hasSize(3);
        assertThat(state().restarts()).isEqualTo(2);
    }

    @Test
    void shouldLeaveALivingServiceAloneAndRemoveTheStateFileOnClose() {
        supervisor = new Supervisor(dir, new PrintStream(console, true, StandardCharsets.UTF_8), clock);
        ChildProcess sleeping = child("sleep 30");
        supervisor.supervise(sleeping, () -> child("sleep 30"), Supervisor.Tier.SERVICES);
        clock.move(Duration.ofMinutes(10));
        supervisor.check();

        assertThat(state().state()).isEqualTo("running");
        assertThat(started).hasSize(1);
        supervisor.close();
        supervisor = null;
        assertThat(sleeping.isAlive()).isFalse();
        assertThat(dir.resolve(ServiceStates.FILE)).doesNotExist();
    }

    @Test
    void shouldStopTheServicesBeforeTheRuntimeTheyNeed() throws Exception {
        supervisor = new Supervisor(dir, new PrintStream(console, true, StandardCharsets.UTF_8), clock);
        Path order = dir.resolve("order");
        supervisor.supervise(named("kafka", "trap 'echo kafka >> " + order + "; exit 0' TERM; while true; do sleep 0.1; done"), () -> {
            throw new AssertionError("not restarted");
        }, Supervisor.Tier.RUNTIME);
        supervisor.supervise(named("indexer", "trap 'sleep 1; echo indexer >> " + order + "; exit 0' TERM; while true; do sleep 0.1; done"),
                () -> {
                    throw new AssertionError("not restarted");
                }, Supervisor.Tier.SERVICES);
        Thread.sleep(300); // both shells have set their traps

        supervisor.close();
        supervisor = null;

        assertThat(java.nio.file.Files.readAllLines(order)).containsExactly("indexer", "kafka");
    }

    private ChildProcess named(String name, String script) {
        ChildProcess child = ChildProcess.start(name, List.of("sh", "-c", script), Map.of(), dir, dir.resolve(name + ".log"),
                dir.resolve(name + ".pid"));
        started.add(child);
        return child;
    }

    private ChildProcess child(String script) {
        ChildProcess child = ChildProcess.start("indexer", List.of("sh", "-c", "echo 'Caused by: boom'; " + script), Map.of(),
                dir, dir.resolve("indexer.log"), dir.resolve("indexer.pid"));
        started.add(child);
        return child;
    }

    private void awaitExit() {
        ChildProcess last = started.get(started.size() - 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !last.isAlive());
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private ServiceStates.State state() {
        return ServiceStates.read(dir).orElseThrow().services().get(0);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
