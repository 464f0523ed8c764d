package io.sluice.processor.parse;

import io.sluice.syslog.SyslogFormatException;
import io.sluice.syslog.SyslogMessage;
import io.sluice.syslog.SyslogParser;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unwraps what transports put around a line before the line itself is parsed: the Kubernetes CRI
 * container-log prefix ({@code <RFC3339Nano> stdout|stderr F|P <content>}) and a syslog header with
 * {@code <PRI>} (RFC 5424 or 3164, as rsyslog's {@code omkafka} forwards them). A line that only
 * looks like one is left as it is.
 */
final class Envelopes {

    private static final Pattern CRI = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})) (stdout|stderr) ([FP])(?: (.*))?$",
            Pattern.DOTALL);
    private static final Pattern SYSLOG_PRI = Pattern.compile("^<\\d{1,3}>");

    private final SyslogParser syslog = new SyslogParser(Clock.systemUTC());

    Envelope unwrap(String line, TimeContext time) {
        if (line.length() > 32 && Character.isDigit(line.charAt(0))) {
            Matcher cri = CRI.matcher(line);
            if (cri.matches()) {
                String content = cri.group(4) == null ? "" : cri.group(4);
                return new Envelope(content, Timestamps.parseText(cri.group(1), time).orElse(null), null, null, null,
                        cri.group(2), "P".equals(cri.group(3)), Map.of());
            }
        }
        if (line.startsWith("<") && SYSLOG_PRI.matcher(line).find()) {
            try {
                SyslogMessage message = syslog.parse(line, time.zone(), time.received());
                return new Envelope(message.message(), message.timestamp(), message.level(), message.hostname(),
                        message.appName(), null, false, message.labels());
            } catch (SyslogFormatException notSyslog) {
                return Envelope.none(line);
            }
        }
        return Envelope.none(line);
    }
}
