package io.sluice.ingest.syslog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.ingest.lines.RawLine;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over UDP: one datagram, one message; batches flushed when full or when the socket is quiet
 * for 50 ms. Loss is made visible: {@code sluice_syslog_udp_dropped} counts what we dropped, and
 * {@code sluice_syslog_udp_kernel_drops} exports the kernel's drop counter for our socket (receive
 * buffer overruns), read from {@code /proc/net/udp}.
 */
final class SyslogUdpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SyslogUdpServer.class);
    private static final int MAX_BATCH = 500;

    private final DatagramSocket socket;
    private final SyslogLines lines;
    private final SyslogPublisher publisher;
    private final Thread reader;

    SyslogUdpServer(InetAddress address, int port, SyslogLines lines, SyslogPublisher publisher, int maxFrameBytes,
            MeterRegistry meters) throws IOException {
        this.socket = new DatagramSocket(null);
        socket.setReceiveBufferSize(8 * 1024 * 1024);
        socket.setSoTimeout(50);
        socket.bind(new InetSocketAddress(address, port));
        this.lines = lines;
        this.publisher = publisher;
        Gauge.builder("sluice_syslog_udp_kernel_drops", this, SyslogUdpServer::kernelDrops)
                .description("datagrams the kernel dropped on the syslog UDP socket").register(meters);
        this.reader = new Thread(() -> readLoop(maxFrameBytes + 1), "syslog-udp");
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void readLoop(int bufferSize) {
        byte[] buffer = new byte[bufferSize];
        List<RawLine> batch = new ArrayList<>();
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                int end = packet.getLength();
                while (end > 0 && Character.isWhitespace(packet.getData()[end - 1] & 0xff) || end > 0 && packet.getData()[end - 1] == 0) {
                    end--;
                }
                byte[] frame = java.util.Arrays.copyOf(packet.getData(), end);
                lines.of(frame).ifPresent(batch::add);
                if (batch.size() < MAX_BATCH) {
                    continue;
                }
            } catch (SocketTimeoutException quiet) {
                // flush below
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.warn("syslog UDP receive failed: {}", e.getMessage());
                }
            }
            if (!batch.isEmpty()) {
                publisher.publishOrDrop(batch, 3);
                batch = new ArrayList<>();
            }
        }
    }

    /** The {@code drops} column of our socket's line in /proc/net/udp (and udp6), or 0 where there is none. */
    double kernelDrops() {
        String localPort = String.format(Locale.ROOT, ":%04X", socket.getLocalPort());
        long drops = 0;
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length > 12 && columns[1].endsWith(localPort)) {
                        drops += Long.parseLong(columns[columns.length - 1]);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // no such table on this system
            }
        }
        return drops;
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        reader.join(2_000);
    }
}
