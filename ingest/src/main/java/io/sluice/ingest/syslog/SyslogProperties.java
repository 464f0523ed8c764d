package io.sluice.ingest.syslog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The syslog listener: TCP and UDP on one port (like syslog's 514), off when the port is negative;
 * {@code 0} picks a free port (tests).
 */
@ConfigurationProperties("sluice.ingest.syslog")
public record SyslogProperties(
        @DefaultValue("-1") int port,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("64KB") DataSize maxMessageSize,
        @DefaultValue("256") int maxConnections) {
}
