package io.sluice.ingest.syslog;

import java.time.Instant;
import java.util.Map;

/**
 * A parsed syslog message (RFC 5424 or RFC 3164): priority split into facility and severity, the
 * header fields, structured data as {@code sd.<id>.<param>} pairs, and the message itself.
 */
public record SyslogMessage(int facility, int severity, Instant timestamp, String hostname, String appName,
        String procId, String msgId, Map<String, String> structuredData, String message) {

    private static final String[] LEVELS = {"FATAL", "FATAL", "FATAL", "ERROR", "WARN", "INFO", "INFO", "DEBUG"};

    public SyslogMessage {
        structuredData = Map.copyOf(structuredData);
    }

    /** emerg/alert/crit → FATAL, err → ERROR, warning → WARN, notice/info → INFO, debug → DEBUG. */
    public String level() {
        return LEVELS[severity];
    }
}
