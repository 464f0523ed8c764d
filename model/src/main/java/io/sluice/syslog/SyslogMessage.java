package io.sluice.syslog;

import java.time.Instant;
import java.util.LinkedHashMap;
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

    /** Structured data and the header fields that have no ECS home, as labels ({@code syslog.facility}, …). */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>(structuredData);
        labels.put("syslog.facility", Integer.toString(facility));
        labels.put("syslog.severity", Integer.toString(severity));
        if (procId != null) {
            labels.put("syslog.procid", procId);
        }
        if (msgId != null) {
            labels.put("syslog.msgid", msgId);
        }
        return labels;
    }

    /** emerg/alert/crit → FATAL, err → ERROR, warning → WARN, notice/info → INFO, debug → DEBUG. */
    public String level() {
        return LEVELS[severity];
    }
}
