package io.sluice.ingest.syslog;

import io.sluice.syslog.SyslogParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.ingest.IngestProperties;
import io.sluice.ingest.lines.NdjsonSplitter;
import io.sluice.ingest.publish.RawLogPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Starts the syslog TCP and UDP listeners with the application and stops them first on shutdown. */
@Component
public class SyslogServers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyslogServers.class);

    private final SyslogProperties properties;
    private final SyslogLines lines;
    private final SyslogPublisher publisher;
    private final MeterRegistry meters;
    private SyslogTcpServer tcp;
    private SyslogUdpServer udp;

    public SyslogServers(SyslogProperties properties, IngestProperties ingest, RawLogPublisher rawPublisher,
            MeterRegistry meters) {
        this.properties = properties;
        int maxMessage = (int) properties.maxMessageSize().toBytes();
        this.lines = new SyslogLines(new SyslogParser(Clock.systemUTC()),
                new NdjsonSplitter(maxMessage, ingest.maxJsonDepth(), Clock.systemUTC()), ingest.defaultService());
        this.publisher = new SyslogPublisher(rawPublisher, ingest.kafkaAckTimeout(), meters);
        this.meters = meters;
    }

    @Override
    public void start() {
        if (properties.port() < 0) {
            return;
        }
        int maxMessage = (int) properties.maxMessageSize().toBytes();
        try {
            InetAddress address = InetAddress.getByName(properties.bindAddress());
            tcp = new SyslogTcpServer(address, properties.port(), lines, publisher, maxMessage,
                    new SyslogTcpServer.Limits(properties.maxConnections(), properties.idleTimeout()), meters);
            udp = new SyslogUdpServer(address, tcp.port(), lines, publisher, maxMessage, meters);
            log.info("syslog listening on {} port {} (TCP and UDP)", properties.bindAddress(), tcp.port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the syslog port " + properties.port(), e);
        }
    }

    /** The bound port (TCP and UDP), or -1 when syslog is off. */
    public int port() {
        return tcp == null ? -1 : tcp.port();
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
        } catch (IOException e) {
            log.warn("closing syslog listeners: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tcp = null;
        udp = null;
    }

    @Override
    public boolean isRunning() {
        return tcp != null;
    }
}
