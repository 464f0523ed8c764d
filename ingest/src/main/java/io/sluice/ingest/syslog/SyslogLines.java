package io.sluice.ingest.syslog;

import io.sluice.syslog.SyslogParser;
import io.sluice.syslog.SyslogMessage;
import io.sluice.syslog.SyslogFormatException;
import io.sluice.ingest.lines.NdjsonSplitter;
import io.sluice.ingest.lines.RawLine;
import io.sluice.ingest.lines.SplitBody;
import io.sluice.model.ShippedAttributes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a syslog frame into a raw line: the MSG part is the line (so a JSON message is parsed as
 * JSON downstream), APP-NAME/TAG the service, HOSTNAME the host; timestamp, severity, facility,
 * PROCID, MSGID and structured data travel as shipped attributes. A frame that is not syslog is
 * kept whole as a plain line, flagged, rather than lost.
 */
public final class SyslogLines {

    static final String UNPARSED_LABEL = "sluice_syslog_unparsed";

    private final SyslogParser parser;
    private final NdjsonSplitter splitter;
    private final String defaultService;

    public SyslogLines(SyslogParser parser, NdjsonSplitter splitter, String defaultService) {
        this.parser = parser;
        this.splitter = splitter;
        this.defaultService = defaultService;
    }

    /**
     * The line for a frame, or empty when a limit refused it. The frame is parsed as ISO-8859-1 — one char
     * per byte, so the ASCII syntax of syslog is read as usual and the message comes back byte for byte:
     * a message that is not valid UTF-8 reaches Kafka exactly as sent (the processor keeps such bytes);
     * the header fields and structured data are then decoded as the UTF-8 they should be.
     */
    public Optional<RawLine> of(byte[] frame) {
        SyslogMessage message;
        try {
            message = parser.parse(new String(frame, StandardCharsets.ISO_8859_1));
        } catch (SyslogFormatException e) {
            return split(frame, defaultService, null)
                    .map(line -> line.withAttributes(new ShippedAttributes(null, null, null, null,
                            Map.of(UNPARSED_LABEL, utf8(e.getMessage())))));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        message.labels().forEach((name, value) -> labels.put(utf8(name), utf8(value)));
        String service = message.appName() != null ? utf8(message.appName()) : defaultService;
        return split(withoutBom(message.message().getBytes(StandardCharsets.ISO_8859_1)), service, utf8(message.hostname()))
                .map(line -> line.withAttributes(new ShippedAttributes(message.timestamp(), message.level(), null, null, labels)));
    }

    private Optional<RawLine> split(byte[] bytes, String service, String host) {
        SplitBody split = splitter.splitLines(List.of(bytes), service, host);
        return split.accepted().stream().findFirst();
    }

    /** A field read as ISO-8859-1, decoded as the UTF-8 it was sent as. */
    private static String utf8(String latin1) {
        return latin1 == null ? null : new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** RFC 5424 lets MSG start with a UTF-8 byte order mark; it is not part of the message. */
    private static byte[] withoutBom(byte[] message) {
        boolean bom = message.length >= 3 && (message[0] & 0xff) == 0xEF && (message[1] & 0xff) == 0xBB && (message[2] & 0xff) == 0xBF;
        return bom ? java.util.Arrays.copyOfRange(message, 3, message.length) : message;
    }
}
