package io.sluice.ingest.loki;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.sluice.ingest.lines.MalformedBodyException;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.sluice.ingest.http.RequestBodies;
import org.xerial.snappy.Snappy;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes Loki push requests: JSON ({@code {"streams":[{"stream":{…},"values":[["<ns>","line",{…}]]}]}}),
 * and the snappy-compressed protobuf that Promtail and Alloy send ({@code PushRequest → StreamAdapter
 * (labels, entries) → EntryAdapter (timestamp, line, structuredMetadata)}), read field by field.
 */
public final class LokiPushDecoder {

    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    private final JsonMapper mapper;

    public LokiPushDecoder(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public List<LokiEntry> json(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedBodyException("malformed Loki push JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("streams").isArray()) {
            throw new MalformedBodyException("a Loki push body has a \"streams\" array");
        }
        List<LokiEntry> entries = new ArrayList<>();
        for (JsonNode stream : root.path("streams")) {
            Map<String, String> labels = strings(stream.path("stream"));
            for (JsonNode value : stream.path("values")) {
                if (!value.isArray() || value.size() < 2) {
                    throw new MalformedBodyException("each Loki value is [\"<unix ns>\", \"<line>\"(, {metadata})]");
                }
                entries.add(new LokiEntry(labels, nanos(value.get(0).asString()), value.get(1).asString(),
                        value.size() > 2 ? strings(value.get(2)) : Map.of()));
            }
        }
        return entries;
    }

    /**
     * Decodes a snappy-compressed push; the inflated size (snappy states it up front) is checked against
     * {@code maxInflatedBytes} and handed to {@code beforeInflating} before anything is inflated.
     */
    public List<LokiEntry> snappyProtobuf(byte[] body, long maxInflatedBytes, java.util.function.LongConsumer beforeInflating) {
        try {
            long inflated = Snappy.uncompressedLength(body);
            if (inflated > maxInflatedBytes) {
                throw new RequestBodies.BodyTooLargeException("decompressed body exceeds the limit of " + maxInflatedBytes + " bytes ("
                        + inflated + " bytes, as snappy states)");
            }
            beforeInflating.accept(inflated);
            CodedInputStream in = CodedInputStream.newInstance(Snappy.uncompress(body));
            List<LokiEntry> entries = new ArrayList<>();
            for (int tag; (tag = in.readTag()) != 0; ) {
                if (WireFormat.getTagFieldNumber(tag) == 1) {
                    stream(CodedInputStream.newInstance(in.readByteArray()), entries);
                } else {
                    in.skipField(tag);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new MalformedBodyException("malformed Loki push protobuf: " + e.getMessage());
        }
    }

    private void stream(CodedInputStream in, List<LokiEntry> entries) throws IOException {
        Map<String, String> labels = Map.of();
        List<byte[]> rawEntries = new ArrayList<>();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> labels = PrometheusLabels.parse(in.readString());
                case 2 -> rawEntries.add(in.readByteArray());
                default -> in.skipField(tag);
            }
        }
        for (byte[] entry : rawEntries) {
            entries.add(entry(CodedInputStream.newInstance(entry), labels));
        }
    }

    private static LokiEntry entry(CodedInputStream in, Map<String, String> labels) throws IOException {
        Instant timestamp = Instant.EPOCH;
        String line = "";
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> timestamp = timestamp(CodedInputStream.newInstance(in.readByteArray()));
                case 2 -> line = in.readString();
                case 3 -> labelPair(CodedInputStream.newInstance(in.readByteArray()), metadata);
                default -> in.skipField(tag);
            }
        }
        return new LokiEntry(labels, timestamp, line, metadata);
    }

    private static Instant timestamp(CodedInputStream in) throws IOException {
        long seconds = 0;
        int nanos = 0;
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> seconds = in.readInt64();
                case 2 -> nanos = in.readInt32();
                default -> in.skipField(tag);
            }
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static void labelPair(CodedInputStream in, Map<String, String> into) throws IOException {
        String name = null;
        String value = "";
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.readString();
                case 2 -> value = in.readString();
                default -> in.skipField(tag);
            }
        }
        if (name != null) {
            into.put(name, value);
        }
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(member -> values.put(member.getKey(), member.getValue().asString()));
        return values;
    }

    private static Instant nanos(String text) {
        try {
            BigInteger[] parts = new BigInteger(text.strip()).divideAndRemainder(BILLION);
            return Instant.ofEpochSecond(parts[0].longValueExact(), parts[1].longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MalformedBodyException("a Loki timestamp is a string of unix nanoseconds, got " + text);
        }
    }
}
