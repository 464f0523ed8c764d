package io.sluice.ingest.syslog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The syslog listeners: plain TCP and UDP on one port (like syslog's 514), and syslog over TLS (RFC 5425, like 6514)
 * on another, each off when its port is negative; {@code 0} picks a free port (tests). Plain syslog carries no
 * credential, so while tokens are required it may only listen on a loopback address; over TLS a client presents a
 * certificate the ingest CA signed (RFC 5425's mutual authentication), its credential.
 *
 * @param tlsPort        syslog over TLS, octet-counted or newline-framed as on plain TCP
 *
 * @param maxConnections TCP connections served at once; one more is closed at once, and counted
 *                       ({@code sluice_syslog_connections_refused_total})
 * @param idleTimeout    a TCP connection that sends nothing for this long is closed (senders reconnect), so
 *                       dead peers never hold a connection slot
 */
@ConfigurationProperties("sluice.ingest.syslog")
public record SyslogProperties(
        @DefaultValue("-1") int port,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("64KB") DataSize maxMessageSize,
        @DefaultValue("256") int maxConnections,
        @DefaultValue("5m") java.time.Duration idleTimeout,
        @DefaultValue("-1") int tlsPort,
        @DefaultValue("0.0.0.0") String tlsBindAddress) {
}
