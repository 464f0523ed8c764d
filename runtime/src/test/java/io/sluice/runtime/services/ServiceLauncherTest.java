package io.sluice.runtime.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLauncherTest {

    @Test
    void shouldPassEachPropertyOnceWithItsLastValue() {
        assertThat(ServiceLauncher.lastOfEach(List.of("--server.address=127.0.0.1", "--sluice.indexer.max-backoff=1s",
                "--a=1", "--sluice.indexer.max-backoff=2s", "--flag")))
                .containsExactly("--server.address=127.0.0.1", "--a=1", "--sluice.indexer.max-backoff=2s", "--flag");
    }
}
