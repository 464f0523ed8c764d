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
    void aFileCopiedAwayAfterACrashBeforeItsFirstCheckpointShouldBeResentWithTheSameIds() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "alpha", "beta");
        // the lines reach Kafka, then the shipper dies before the round ends (its acknowledgement never comes back)
        MockProducer<String, byte[]> dying = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        FileShipper first = new FileShipper(new ShipperSettings(dir.resolve("app.log*").toString(), "app", "host-1", "unused:9092",
                dir.resolve("state").resolve("checkpoints.json"), null, Duration.ofMillis(10), Duration.ZERO), dying);
        java.util.concurrent.CompletableFuture<Void> round = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                first.pollOnce(true);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (long deadline = System.nanoTime() + 10_000_000_000L; dying.history().size() < 2 && System.nanoTime() < deadline; ) {
            Thread.sleep(10);
        }
        dying.errorNext(new org.apache.kafka.common.errors.TimeoutException("the process is gone"));
        assertThat(round).failsWithin(Duration.ofSeconds(10));
        List<String> sentIds = dying.history().stream().map(r -> SluiceHeaders.text(r.headers(), SluiceHeaders.EVENT_ID)).toList();

        Files.copy(log, dir.resolve("app.log.1")); // copytruncate while the shipper is down, and the application writes on
        Files.writeString(log, "");
        append(log, "gamma");
        shipper().pollOnce(true);

        assertThat(shippedById()).as("alpha and beta resent under the ids they were first sent with")
                .containsKeys(sentIds.toArray(String[]::new)).hasSize(3).containsValues("alpha", "beta", "gamma");
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

    private FileShipper shipper(String glob) {
        return new FileShipper(new ShipperSettings(dir.resolve(glob).toString(), "app", "host-1", "unused:9092",
                dir.resolve("state").resolve("checkpoints.json"), null, Duration.ofMillis(10), Duration.ZERO), kafka);
    }

    /** Each shipped event's text, as many times as it was shipped under distinct ids. */
    private List<String> distinctEvents() {
        return List.copyOf(shippedById().values());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"app.log*", "app.log"})
    void shouldNeverTakeTwoRotatedFilesThatShareAHeaderForOne(String glob) throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "# service started, build 1.4.2", "first file one", "first file two");
        shipper(glob).pollOnce(true);

        Files.move(log, dir.resolve("app.log.1"));
        append(log, "# service started, build 1.4.2", "second file one");
        shipper(glob).pollOnce(true);
        append(log, "second file two");
        shipper(glob).pollOnce(true);

        assertThat(distinctEvents()).containsExactlyInAnyOrder("# service started, build 1.4.2", "first file one", "first file two",
                "# service started, build 1.4.2", "second file one", "second file two");
    }

    @Test
    void shouldTellApartAFileRotatedWhenItHeldOnlyItsHeaderFromTheNewOne() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "id,level,message");
        shipper("app.log*").pollOnce(true);

        Files.move(log, dir.resolve("app.log.1"));
        append(log, "id,level,message", "1,INFO,hello");
        shipper("app.log*").pollOnce(true);

        assertThat(distinctEvents()).containsExactlyInAnyOrder("id,level,message", "id,level,message", "1,INFO,hello");
    }

    @Test
    void shouldSetACorruptCheckpointFileAsideAndShipAgainWithTheSameIds() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "alpha", "beta");
        shipper().pollOnce(true);
        Map<String, String> before = shippedById();
        Path checkpoints = dir.resolve("state").resolve("checkpoints.json");
        Files.writeString(checkpoints, "{\"half-written\": ");

        shipper().pollOnce(true);

        assertThat(kafka.history()).as("shipped again from the start").hasSize(4);
        assertThat(shippedById()).isEqualTo(before);
        try (var aside = Files.list(checkpoints.getParent())) {
            assertThat(aside.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("checkpoints.json.corrupt-"));
        }
        assertThat(Files.readString(checkpoints)).contains("\"offset\"");
    }

    @Test
    void shouldContinueACheckpointWrittenByTheEarlierFirstLineFingerprint() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "old one", "old two", "new three");
        String legacyId = FileHead.hash("old one\n".getBytes(StandardCharsets.UTF_8), "old one\n".length());
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state").resolve("checkpoints.json"), "{\"" + legacyId + "\": 16}");

        shipper().pollOnce(true);

        assertThat(distinctEvents()).containsExactly("new three");
        assertThat(shippedById()).containsOnlyKeys(io.sluice.model.EventIds.nameBased(legacyId + ":16"));
    }

    @Test
    void shouldFlagALineCutAtTheLineLimitInsteadOfCuttingItSilently() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "short", "x".repeat(300 * 1024), "after");
        shipper().pollOnce(true);

        List<ProducerRecord<String, byte[]>> records = kafka.history();
        assertThat(records).hasSize(3);
        assertThat(records.get(1).value()).hasSize(256 * 1024);
        assertThat(SluiceHeaders.attributes(records.get(1).headers()).labels()).containsEntry("log.flags", "truncated");
        assertThat(SluiceHeaders.attributes(records.get(0).headers()).labels()).doesNotContainKey("log.flags");
        assertThat(new String(records.get(2).value(), StandardCharsets.UTF_8)).isEqualTo("after");
    }

    @Test
    void shouldSkipTheRestOfALineLongerThanTheReadBufferAndGoOn() throws IOException {
        Path log = dir.resolve("app.log");
        append(log, "y".repeat(3 * 1024 * 1024), "after the giant");
        FileShipper shipper = shipper();
        shipper.pollOnce(true); // a round reads at most 1 MB of a file: the giant's start, its end skipped
        shipper.pollOnce(true);

        List<ProducerRecord<String, byte[]>> records = kafka.history();
        assertThat(records).hasSize(2);
        assertThat(SluiceHeaders.attributes(records.get(0).headers()).labels()).containsEntry("log.flags", "truncated");
        assertThat(new String(records.get(1).value(), StandardCharsets.UTF_8)).isEqualTo("after the giant");
    }

    @Test
    void shouldShipTheExactBytesOfALineThatIsNotValidUtf8() throws IOException {
        Path log = dir.resolve("app.log");
        byte[] line = {'o', 'k', ' ', (byte) 0xff, ' ', (byte) 0xc0, (byte) 0xaf, ' ', 0, ' ', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n'};
        Files.write(log, line); // a stray byte, an overlong '/', NUL, a lone surrogate
        shipper().pollOnce(true);

        assertThat(kafka.history()).singleElement().satisfies(record ->
                assertThat(record.value()).isEqualTo(java.util.Arrays.copyOf(line, line.length - 1)));
    }
}
