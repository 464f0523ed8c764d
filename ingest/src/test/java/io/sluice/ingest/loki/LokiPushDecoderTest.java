package io.sluice.ingest.loki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import io.sluice.ingest.lines.MalformedBodyException;
import io.sluice.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class LokiPushDecoderTest {

    private final LokiPushDecoder decoder = new LokiPushDecoder(Json.MAPPER);

    @Test
    void shouldReadAJsonPushWithLabelsAndStructuredMetadata() throws IOException {
        byte[] body;
        try (InputStream in = getClass().getResourceAsStream("loki-push.json")) {
            body = in.readAllBytes();
        }

        List<LokiEntry> entries = decoder.json(body);

        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-22T08:15:30.123456789Z"));
        assertThat(entries.get(0).streamLabels()).containsEntry("service_name", "LOKI_SERVICE").containsEntry("level", "error");
        assertThat(entries.get(1).line()).isEqualTo("{\"msg\":\"retrying\",\"attempt\":2}");
        assertThat(entries.get(1).metadata()).containsEntry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(entries.get(2).streamLabels()).containsOnlyKeys("app");
    }

    /** Encodes a PushRequest the way Promtail and Alloy do: protobuf, then snappy block compression. */
    static byte[] snappyPush(String labels, long seconds, int nanos, String line, Map<String, String> metadata) throws IOException {
        ByteArrayOutputStream timestamp = new ByteArrayOutputStream();
        CodedOutputStream ts = CodedOutputStream.newInstance(timestamp);
        ts.writeInt64(1, seconds);
        ts.writeInt32(2, nanos);
        ts.flush();
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        CodedOutputStream e = CodedOutputStream.newInstance(entry);
        e.writeByteArray(1, timestamp.toByteArray());
        e.writeString(2, line);
        for (Map.Entry<String, String> pair : metadata.entrySet()) {
            ByteArrayOutputStream labelPair = new ByteArrayOutputStream();
            CodedOutputStream p = CodedOutputStream.newInstance(labelPair);
            p.writeString(1, pair.getKey());
            p.writeString(2, pair.getValue());
            p.flush();
            e.writeByteArray(3, labelPair.toByteArray());
        }
        e.flush();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        CodedOutputStream s = CodedOutputStream.newInstance(stream);
        s.writeString(1, labels);
        s.writeByteArray(2, entry.toByteArray());
        s.writeUInt64(3, 12345L);
        s.flush();
        ByteArrayOutputStream push = new ByteArrayOutputStream();
        CodedOutputStream request = CodedOutputStream.newInstance(push);
        request.writeByteArray(1, stream.toByteArray());
        request.flush();
        return Snappy.compress(push.toByteArray());
    }

    @Test
    void shouldReadTheSnappyProtobufPromtailAndAlloySend() throws IOException {
        byte[] body = snappyPush("{app=\"cart\", path=\"/a\\\"b\", env=\"prod\"}", 1_795_335_330L, 500,
                "line from alloy", Map.of("trace_id", "abc"));

        List<LokiEntry> entries = decoder.snappyProtobuf(body, Long.MAX_VALUE, inflated -> { });

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.streamLabels()).containsExactlyInAnyOrderEntriesOf(Map.of("app", "cart", "path", "/a\"b", "env", "prod"));
            assertThat(entry.timestamp()).isEqualTo(Instant.ofEpochSecond(1_795_335_330L, 500));
            assertThat(entry.line()).isEqualTo("line from alloy");
            assertThat(entry.metadata()).containsEntry("trace_id", "abc");
        });
    }

    @Test
    void shouldRefuseWhatIsNotAPush() {
        assertThatThrownBy(() -> decoder.json("{\"streams\":[{\"stream\":{},\"values\":[[\"soon\",\"x\"]]}]}".getBytes()))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("unix nanoseconds");
        assertThatThrownBy(() -> decoder.json("{}".getBytes())).hasMessageContaining("\"streams\" array");
        assertThatThrownBy(() -> decoder.snappyProtobuf("not snappy".getBytes(), Long.MAX_VALUE, inflated -> { })).isInstanceOf(MalformedBodyException.class);
        assertThatThrownBy(() -> PrometheusLabels.parse("app=cart")).isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void shouldRefuseASnappyBombBeforeInflatingIt() throws IOException {
        byte[] bomb = Snappy.compress(new byte[50 * 1024 * 1024]);
        List<Long> charged = new java.util.ArrayList<>();

        assertThatThrownBy(() -> decoder.snappyProtobuf(bomb, 10 * 1024 * 1024, charged::add))
                .isInstanceOf(io.sluice.ingest.http.RequestBodies.BodyTooLargeException.class)
                .hasMessageContaining("52428800 bytes").hasMessageContaining("exceeds the limit of 10485760 bytes");
        assertThat(charged).as("nothing was inflated or charged").isEmpty();
        assertThat(bomb.length).as("a few KB on the wire").isLessThan(3 * 1024 * 1024);
    }
}
