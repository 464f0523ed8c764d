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

    private static final String[] FACILITIES = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp",
        "cron", "authpriv", "ftp", "ntp", "security", "console", "solaris-cron", "local0", "local1", "local2", "local3",
        "local4", "local5", "local6", "local7"};
    private static final String[] SEVERITIES = {"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"};
    private static final String[] LEVELS = {"FATAL", "FATAL", "FATAL", "ERROR", "WARN", "INFO", "INFO", "DEBUG"};

    public SyslogMessage {
        structuredData = Map.copyOf(structuredData);
    }

    /**
     * Structured data, and the header under its ECS names: {@code log.syslog.priority}, {@code
     * log.syslog.facility.code|name}, {@code log.syslog.severity.code|name}, {@code log.syslog.appname},
     * {@code log.syslog.hostname}, {@code log.syslog.procid}, {@code log.syslog.msgid}, and {@code
     * process.name} and {@code process.pid} (a numeric procid) as ECS sets them for syslog.
     */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>(structuredData);
        labels.put("log.syslog.priority", Integer.toString(facility * 8 + severity));
        labels.put("log.syslog.facility.code", Integer.toString(facility));
        labels.put("log.syslog.facility.name", FACILITIES[facility]);
        labels.put("log.syslog.severity.code", Integer.toString(severity));
        labels.put("log.syslog.severity.name", SEVERITIES[severity]);
        if (appName != null) {
            labels.put("log.syslog.appname", appName);
            labels.put("process.name", appName);
        }
        if (hostname != null) {
            labels.put("log.syslog.hostname", hostname);
        }
        if (procId != null) {
            labels.put("log.syslog.procid", procId);
            if (procId.chars().allMatch(Character::isDigit)) {
                labels.put("process.pid", procId);
            }
        }
        if (msgId != null) {
            labels.put("log.syslog.msgid", msgId);
        }
        return labels;
    }

    /** emerg/alert/crit → FATAL, err → ERROR, warning → WARN, notice/info → INFO, debug → DEBUG. */
    public String level() {
        return LEVELS[severity];
    }
}
