package io.sluice.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.topics.SluiceHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileShipperTest {

    @TempDir
    Path dir;

    private final MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    private FileShipper shipper() {
        return new FileShipper(new ShipperSettings(dir.resolve("app.log*").toString(), "app", "host-1", "unused:9092",
                dir.resolve("state").resolve("checkpoints.json"), null, Duration.ofMillis(10), Duration.ZERO), kafka);
    }

    private void append(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Event text by event id: a resend with the same id counts once, as it does in Elasticsearch. */
    private Map<String, String> shippedById() {
        Map<String, String> byId = new HashMap<>();
        for (ProducerRecord<String, byte[]> record : kafka.history()) {
            byId.put(SluiceHeaders.text(record.headers(), SluiceHeaders.EVENT_ID), new String(record.value(), StandardCharsets.UTF_8));
        }
        return byId;
    }

    @Test
    void shouldShipEveryLineOnceThroughRenameAndCopytruncateRotationsAndRestarts() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "one", "two");
        shipper().pollOnce(true);

        append(log, "three");
        Files.move(log, dir.resolve("app.log.1"));
        append(log, "four", "five");
        shipper().pollOnce(true);

        append(log, "six");
        Files.copy(log, dir.resolve("app.log.2"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(log, "");
        append(log, "seven");
        FileShipper restarted = shipper();
        restarted.pollOnce(true);
        restarted.pollOnce(true);

        assertThat(shippedById().values()).containsExactlyInAnyOrder("one", "two", "three", "four", "five", "six", "seven");
    }

    @Test
    void aResendAfterACrashShouldCarryTheSameIds() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "alpha", "beta");
        shipper().pollOnce(true);
        List<String> firstIds = kafka.history().stream().map(r -> SluiceHeaders.text(r.headers(), SluiceHeaders.EVENT_ID)).toList();
        Files.delete(dir.resolve("state").resolve("checkpoints.json"));

        shipper().pollOnce(true);

        assertThat(kafka.history()).hasSize(4);
        assertThat(shippedById()).hasSize(2).containsOnlyKeys(firstIds);
    }

    @Test
    void shouldHoldBackAnUnfinishedStackTraceUntilItIsComplete() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "ERROR failed", "java.lang.RuntimeException: x", "\tat a.B.c(B.java:1)");
        FileShipper shipper = new FileShipper(new ShipperSettings(dir.resolve("app.log*").toString(), "app", "h",
                "unused:9092", dir.resolve("cp.json"), null, Duration.ofMillis(10), Duration.ofHours(1)), kafka);
        shipper.pollOnce(false);
        append(log, "\tat a.B.d(B.java:2)", "INFO next");
        shipper.pollOnce(false);

        assertThat(shippedById().values()).containsExactlyInAnyOrder(
                "ERROR failed\njava.lang.RuntimeException: x\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)");
    }
}
