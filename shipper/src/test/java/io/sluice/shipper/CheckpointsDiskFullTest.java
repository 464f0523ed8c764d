package io.sluice.shipper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.topics.SluiceHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint folder on a file system that is really full (a 64 KiB tmpfs, filled up): saving fails
 * with a clear error, the position is not lost — once there is room again the next round saves it, and a
 * restarted shipper resumes there, shipping nothing twice. Needs to mount a tmpfs (root), skipped otherwise.
 */
class CheckpointsDiskFullTest {

    @TempDir
    Path dir;
    private Path state;
    private final MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    private boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }

    @AfterEach
    void unmount() throws Exception {
        if (state != null) {
            run("umount", state.toString());
        }
    }

    private FileShipper shipper() {
        return new FileShipper(new ShipperSettings(dir.resolve("app.log").toString(), "app", "h", "unused:9092",
                state.resolve("checkpoints.json"), null, Duration.ofMillis(10), Duration.ZERO), kafka);
    }

    @Test
    void shouldSayTheDiskIsFullAndLoseNoPosition() throws Exception {
        Path mountPoint = Files.createDirectories(dir.resolve("state"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.toString()),
                "cannot mount a tmpfs here (not root?)");
        state = mountPoint;
        Path log = dir.resolve("app.log");
        Files.writeString(log, "one\ntwo\n");
        FileShipper shipper = shipper();
        shipper.pollOnce(true); // a first checkpoint fits
        Path filler = state.resolve("filler");
        try {
            Files.write(filler, new byte[128 * 1024]);
        } catch (IOException full) {
            // the file system is full now, which is the point
        }
        Files.writeString(log, "three\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> shipper.pollOnce(true)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot save checkpoints").hasMessageContaining("No space left on device");

        Files.delete(filler);
        shipper.pollOnce(true); // room again: the position is saved
        int sent = kafka.history().size();
        shipper().pollOnce(true); // restarted: resumes there

        assertThat(kafka.history()).hasSize(sent);
        List<String> texts = kafka.history().stream().map(record -> new String(record.value())).toList();
        assertThat(texts).containsExactly("one", "two", "three");
        assertThat(SluiceHeaders.text(kafka.history().get(2).headers(), SluiceHeaders.EVENT_ID)).isNotBlank();
    }
}
