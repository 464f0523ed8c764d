package io.sluice.processor.parse;

/**
 * A raw record that passed the limits, decoded and unwrapped, not yet parsed: what multiline
 * reassembly works on.
 *
 * @param line the whole decoded line, envelope included (becomes {@code event.original})
 * @param originalBytes the record's bytes in base64 when they were not valid UTF-8, else null
 * @param service the service the record was shipped for, before its content is read (picks the settings)
 * @param settings how this service's lines are read
 */
public record DecodedLine(RawRecord record, String line, String originalBytes, Envelope envelope, String service,
        SourceSettings settings, boolean isJoined) {

    public DecodedLine(RawRecord record, String line, String originalBytes, Envelope envelope, String service,
            SourceSettings settings) {
        this(record, line, originalBytes, envelope, service, settings, false);
    }

    /** Which source the line came from: lines are only ever joined with lines of the same source. */
    public String sourceKey() {
        String host = envelope.host() != null ? envelope.host() : record.hostHeader();
        String stream = envelope.stream() != null ? envelope.stream() : record.attributes().labels().get("stream");
        return (service == null ? "" : service) + '|' + (host == null ? "" : host) + '|' + (stream == null ? "" : stream);
    }

    /** Whether this line may start or continue a multi-line event: plain text, one line, joining enabled. */
    public boolean joinable() {
        String content = envelope.content();
        return envelope.partial() || settings.multiline() && !content.stripLeading().startsWith("{") && content.indexOf('\n') < 0;
    }

    /** The same line with the content of the lines joined to it. */
    public DecodedLine joined(String content, String original) {
        Envelope e = envelope;
        return new DecodedLine(record, original, originalBytes,
                new Envelope(content, e.timestamp(), e.level(), e.host(), e.service(), e.stream(), false, e.labels()),
                service, settings, true);
    }
}
