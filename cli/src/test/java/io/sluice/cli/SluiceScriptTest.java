package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.SluiceHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./sluice} script itself, with a stand-in {@code mvn} on the PATH that takes a while and
 * records when it ran: two commands never build at once, and a source edited during a build is newer
 * than the build's stamp, so the next command builds again.
 */
class SluiceScriptTest {

    @TempDir
    Path home;

    private Path fakeMaven() throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, """
                #!/usr/bin/env bash
                echo "start $(date +%s%N)" >> "$SLUICE_TEST_LOG"
                sleep 1.5
                echo "end $(date +%s%N)" >> "$SLUICE_TEST_LOG"
                """);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private Process build(Path bin) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("sluice").toString(), "build").redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("SLUICE_TEST_LOG", home.resolve("mvn.log").toString());
        return builder.start();
    }

    private Path prepare() throws IOException {
        Files.copy(SluiceHome.locate().resolve("sluice"), home.resolve("sluice"));
        Path source = Files.createDirectories(home.resolve("m/src/main/java")).resolve("A.java");
        Files.writeString(source, "class A {}");
        return source;
    }

    @Test
    void shouldNeverRunTwoBuildsAtOnce() throws Exception {
        prepare();
        Path bin = fakeMaven();

        Process first = build(bin);
        Thread.sleep(300); // the first is inside its build
        Process second = build(bin);
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<String> log = Files.readAllLines(home.resolve("mvn.log"), StandardCharsets.UTF_8);
        assertThat(log).hasSize(4).extracting(line -> line.split(" ")[0]).containsExactly("start", "end", "start", "end");
        List<Long> times = new ArrayList<>();
        log.forEach(line -> times.add(Long.parseLong(line.split(" ")[1])));
        assertThat(times.get(2)).as("the second build starts after the first ended").isGreaterThanOrEqualTo(times.get(1));
        assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Waiting for another ./sluice command to finish building");
    }

    @Test
    void shouldTakeTheStampBeforeBuildingSoAnEditDuringTheBuildIsBuiltNextTime() throws Exception {
        Path source = prepare();
        Process build = build(fakeMaven());
        Thread.sleep(500); // inside the build
        Files.writeString(source, "class A { int edited; }");
        assertThat(build.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.getLastModifiedTime(home.resolve(".sluice/build.stamp")).toMillis())
                .as("the stamp is from before the edit").isLessThan(Files.getLastModifiedTime(source).toMillis());
    }
}
