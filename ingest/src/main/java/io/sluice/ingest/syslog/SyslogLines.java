package io.sluice.ingest.syslog;

import io.sluice.syslog.SyslogParser;
import io.sluice.syslog.SyslogMessage;
import io.sluice.syslog.SyslogFormatException;
import io.sluice.ingest.lines.NdjsonSplitter;
import io.sluice.ingest.lines.RawLine;
import io.sluice.ingest.lines.SplitBody;
import io.sluice.model.ShippedAttributes;
import java.nio.charset.StandardCharsets;
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

    /** The line for a frame, or empty when a limit refused it (the reason is in the exception-free result). */
    public Optional<RawLine> of(String frame) {
        SyslogMessage message;
        try {
            message = parser.parse(frame);
        } catch (SyslogFormatException e) {
            return split(frame, defaultService, null)
                    .map(line -> line.withAttributes(new ShippedAttributes(null, null, null, null,
                            Map.of(UNPARSED_LABEL, e.getMessage()))));
        }
        Map<String, String> labels = message.labels();
        String service = message.appName() != null ? message.appName() : defaultService;
        return split(message.message(), service, message.hostname())
                .map(line -> line.withAttributes(new ShippedAttributes(message.timestamp(), message.level(), null, null, labels)));
    }

    private Optional<RawLine> split(String text, String service, String host) {
        SplitBody split = splitter.splitLines(List.of(text.getBytes(StandardCharsets.UTF_8)), service, host);
        return split.accepted().stream().findFirst();
    }
}
