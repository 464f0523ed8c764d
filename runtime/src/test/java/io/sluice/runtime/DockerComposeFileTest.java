package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} as Docker Compose itself reads it (Debian's {@code docker-compose} validates
 * offline; no engine is needed, and none exists here): valid, and the whole stack is in it.
 */
class DockerComposeFileTest {

    private static final Path COMPOSE = Path.of("/usr/bin/docker-compose");

    private static String run(String... args) throws Exception {
        Process process = new ProcessBuilder(args).directory(SluiceHome.locate().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void shouldBeAValidComposeFileWithTheWholeStack() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(COMPOSE), "docker-compose is not installed (apt-get install docker-compose)");

        run(COMPOSE.toString(), "-f", "docker-compose.yml", "config", "-q");
        List<String> services = run(COMPOSE.toString(), "-f", "docker-compose.yml", "config", "--services").lines().toList();

        assertThat(services).contains("kafka", "elasticsearch", "kibana", "kibana-import", "ingest", "stream-processor",
                "indexer", "alerting");
    }
}
