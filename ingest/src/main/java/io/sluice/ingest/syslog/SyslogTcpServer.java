package io.sluice.ingest.syslog;

import io.sluice.syslog.SyslogFormatException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.ingest.lines.RawLine;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over TCP: one thread per connection (at most {@link Limits#maxConnections}; one more is closed at
 * once and counted), frames batched while more are already buffered. A batch is published before the
 * next is read, so while Kafka is away the connection stops being read and the sender's own queue holds
 * the logs (back-pressure, not loss). A connection silent for {@link Limits#idleTimeout} is closed.
 */
final class SyslogTcpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyslogTcpServer.class);
    private static final int MAX_BATCH = 500;

    private final ServerSocket server;
    private final SyslogLines lines;
    private final SyslogPublisher publisher;
    private final int maxFrameBytes;
    private final MeterRegistry meters;
    private final Semaphore connections;
    private final Limits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final String transport;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "syslog-tcp");
        thread.setDaemon(true);
        return thread;
    });

    /** How many connections at once, and how long one may stay silent. */
    record Limits(int maxConnections, Duration idleTimeout) {

        Limits {
            if (maxConnections < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("syslog needs at least one connection and a positive idle timeout");
            }
        }
    }

    /**
     * @param sockets  plain sockets, or TLS ones (whose handshake runs on the connection's own thread, at its first read)
     * @param transport {@code tcp} or {@code tls}: the tag of this listener's metrics
     */
    SyslogTcpServer(javax.net.ServerSocketFactory sockets, String transport, InetAddress address, int port, SyslogLines lines,
            SyslogPublisher publisher, int maxFrameBytes, Limits limits, MeterRegistry meters) throws IOException {
        this.server = sockets.createServerSocket(port, 128, address);
        this.transport = transport;
        this.lines = lines;
        this.publisher = publisher;
        this.maxFrameBytes = maxFrameBytes;
        this.limits = limits;
        this.connections = new Semaphore(limits.maxConnections());
        this.meters = meters;
        Gauge.builder("sluice.syslog.connections.open", open, AtomicInteger::get).tag("transport", transport).description("syslog TCP connections being served")
                .register(meters);
        Gauge.builder("sluice.syslog.connections.max", limits, Limits::maxConnections).tag("transport", transport).description("syslog TCP connections allowed at once")
                .register(meters);
        workers.submit(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (!connections.tryAcquire()) {
                    meters.counter("sluice.syslog.connections.refused", "reason", "limit", "transport", transport).increment();
                    log.warn("refusing syslog connection from {}: {} connections already served (sluice.ingest.syslog.max-connections)",
                            socket.getRemoteSocketAddress(), limits.maxConnections());
                    socket.close();
                    continue;
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, limits.idleTimeout().toMillis()));
                workers.submit(() -> serve(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("syslog accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        open.incrementAndGet();
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            SyslogFramer framer = new SyslogFramer(in, maxFrameBytes);
            List<RawLine> batch = new ArrayList<>();
            while (true) {
                byte[] frame;
                try {
                    frame = framer.next();
                } catch (SyslogFramer.FrameTooLargeException | SyslogFormatException e) {
                    meters.counter("sluice_syslog_messages", "transport", transport, "outcome", "refused").increment();
                    log.warn("syslog frame from {} refused: {}", socket.getRemoteSocketAddress(), e.getMessage());
                    if (e instanceof SyslogFormatException) {
                        return;
                    }
                    continue;
                }
                if (frame == null) {
                    break;
                }
                lines.of(frame).ifPresent(batch::add);
                if (batch.size() >= MAX_BATCH || in.available() == 0) {
                    publisher.publishUntilAcknowledged(batch, transport);
                    batch.clear();
                }
            }
            publisher.publishUntilAcknowledged(batch, transport);
        } catch (SocketTimeoutException e) {
            meters.counter("sluice.syslog.connections.closed", "reason", "idle", "transport", transport).increment();
            log.info("syslog connection from {} closed after {} without data", socket.getRemoteSocketAddress(), limits.idleTimeout());
        } catch (javax.net.ssl.SSLException e) {
            meters.counter("sluice.syslog.connections.refused", "reason", "tls", "transport", transport).increment();
            log.warn("syslog over TLS from {} refused: {}", socket.getRemoteSocketAddress(), e.getMessage());
        } catch (IOException e) {
            log.debug("syslog connection closed: {}", e.getMessage());
        } finally {
            open.decrementAndGet();
            connections.release();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        workers.shutdownNow();
    }
}
