package io.sluice.ingest.syslog;

import io.sluice.syslog.SyslogParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.ingest.IngestProperties;
import io.sluice.ingest.lines.NdjsonSplitter;
import io.sluice.ingest.publish.RawLogPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.sluice.ingest.guard.GuardProperties;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Starts the syslog TCP and UDP listeners with the application and stops them first on shutdown. */
@Component
public class SyslogServers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyslogServers.class);
    private static final String TLS_BUNDLE = "ingest";

    private final SyslogProperties properties;
    private final SyslogLines lines;
    private final SyslogPublisher publisher;
    private final MeterRegistry meters;
    private final GuardProperties guard;
    private final ObjectProvider<SslBundles> bundles;
    private SyslogTcpServer tcp;
    private SyslogUdpServer udp;
    private SyslogTcpServer tls;

    public SyslogServers(SyslogProperties properties, IngestProperties ingest, RawLogPublisher rawPublisher,
            MeterRegistry meters, GuardProperties guard, ObjectProvider<SslBundles> bundles) {
        this.properties = properties;
        this.guard = guard;
        this.bundles = bundles;
        int maxMessage = (int) properties.maxMessageSize().toBytes();
        this.lines = new SyslogLines(new SyslogParser(Clock.systemUTC()),
                new NdjsonSplitter(maxMessage, ingest.maxJsonDepth(), Clock.systemUTC()), ingest.defaultService());
        this.publisher = new SyslogPublisher(rawPublisher, ingest.kafkaAckTimeout(), meters);
        this.meters = meters;
    }

    @Override
    public void start() {
        int maxMessage = (int) properties.maxMessageSize().toBytes();
        SyslogTcpServer.Limits limits = new SyslogTcpServer.Limits(properties.maxConnections(), properties.idleTimeout());
        try {
            if (properties.port() >= 0) {
                InetAddress address = InetAddress.getByName(properties.bindAddress());
                refuseOpenPlainSyslog(address, guard.required());
                tcp = new SyslogTcpServer(ServerSocketFactory.getDefault(), "tcp", address, properties.port(), lines, publisher,
                        maxMessage, limits, meters);
                udp = new SyslogUdpServer(address, tcp.port(), lines, publisher, maxMessage, meters);
                log.info("syslog listening on {} port {} (TCP and UDP)", properties.bindAddress(), tcp.port());
            }
            if (properties.tlsPort() >= 0 && !hasTlsBundle()) {
                log.warn("syslog over TLS is off: there is no ssl bundle '{}' (the insecure profile has none)", TLS_BUNDLE);
            } else if (properties.tlsPort() >= 0) {
                tls = new SyslogTcpServer(tlsSockets(), "tls", InetAddress.getByName(properties.tlsBindAddress()), properties.tlsPort(),
                        lines, publisher, maxMessage, limits, meters);
                log.info("syslog over TLS listening on {} port {} (client certificate required)", properties.tlsBindAddress(), tls.port());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the syslog ports " + properties.port() + " and " + properties.tlsPort(), e);
        }
    }

    /**
     * Plain syslog carries no credential: while tokens are required it may listen on a loopback address only, so nothing
     * off the machine can send without one.
     */
    static void refuseOpenPlainSyslog(InetAddress address, boolean tokensRequired) {
        if (tokensRequired && !address.isLoopbackAddress()) {
            throw new IllegalStateException("plain syslog carries no credential, so it listens only on a loopback address while"
                    + " tokens are required (sluice.ingest.syslog.bind-address=" + address.getHostAddress() + "): senders"
                    + " elsewhere use syslog over TLS (sluice.ingest.syslog.tls-port)");
        }
    }

    private boolean hasTlsBundle() {
        SslBundles available = bundles.getIfAvailable();
        return available != null && available.getBundleNames().contains(TLS_BUNDLE);
    }

    /** Server sockets with the ingest certificate that ask every client for a certificate its CA signed, and refuse those without. */
    private ServerSocketFactory tlsSockets() {
        SSLServerSocketFactory factory = bundles.getObject().getBundle(TLS_BUNDLE).createSslContext().getServerSocketFactory();
        return new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
                SSLServerSocket socket = (SSLServerSocket) factory.createServerSocket(port, backlog, address);
                socket.setNeedClientAuth(true);
                return socket;
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return createServerSocket(port, 128, null);
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return createServerSocket(port, backlog, null);
            }
        };
    }

    /** The bound port (TCP and UDP), or -1 when plain syslog is off. */
    public int port() {
        return tcp == null ? -1 : tcp.port();
    }

    /** The bound syslog-over-TLS port, or -1 when it is off. */
    public int tlsPort() {
        return tls == null ? -1 : tls.port();
    }

    @Override
    public void stop() {
        publisher.close();
        try {
            if (tcp != null) {
                tcp.close();
            }
            if (udp != null) {
                udp.close();
            }
            if (tls != null) {
                tls.close();
            }
        } catch (IOException e) {
            log.warn("closing syslog listeners: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tcp = null;
        udp = null;
        tls = null;
    }

    @Override
    public boolean isRunning() {
        return tcp != null || tls != null;
    }
}
