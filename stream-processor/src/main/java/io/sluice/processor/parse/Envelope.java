package io.sluice.processor.parse;

import java.time.Instant;
import java.util.Map;

/**
 * What a transport wrapped around a log line said: a Kubernetes CRI prefix or a syslog header. The
 * content is what the application wrote; the other values fill the gaps its own fields leave.
 *
 * @param partial a CRI partial line ({@code P}): the content continues, without a line break, in the next record
 */
public record Envelope(String content, Instant timestamp, String level, String host, String service, String stream,
        boolean partial, Map<String, String> labels) {

    public Envelope {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** A line nothing was wrapped around. */
    public static Envelope none(String line) {
        return new Envelope(line, null, null, null, null, null, false, Map.of());
    }
}
