package io.sluice.ingest.syslog;

import static io.sluice.ingest.PlatformKafka.rawRecordsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.ingest.IngestIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The syslog TCP listener's two explicit limits, on real sockets: a connection that stays silent is
 * closed after the idle timeout, and a connection over the limit is closed at once — both counted —
 * while the connections within the limit keep delivering.
 */
@IngestIntegrationTest(properties = {"sluice.ingest.syslog.port=0", "sluice.ingest.syslog.bind-address=127.0.0.1",
        "sluice.ingest.syslog.max-connections=3", "sluice.ingest.syslog.idle-timeout=3s"})
class SyslogConnectionsIT {

    @Autowired
    SyslogServers servers;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldCloseAConnectionThatStaysSilentAfterDeliveringWhatItSent() throws Exception {
        String tag = "idle-" + UUID.randomUUID().toString().substring(0, 8);
        double idleBefore = count("sluice.syslog.connections.closed", "idle");
        try (Socket socket = connect()) {
            send(socket, tag, "before going quiet");
            assertThat(rawRecordsOf(tag, 1)).hasSize(1);

            long started = System.nanoTime();
            assertThat(closedByServer(socket, Duration.ofSeconds(10))).as("closed by the listener").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> count("sluice.syslog.connections.closed", "idle") == idleBefore + 1);
    }

    @Test
    void shouldCloseAConnectionOverTheLimitAtOnceCountItAndKeepServingTheOthers() throws Exception {
        String tag = "limit-" + UUID.randomUUID().toString().substring(0, 8);
        double refusedBefore = count("sluice.syslog.connections.refused", "limit");
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = connect();
                send(socket, tag, "held #" + i); // keeps it busy (and not idle) while the fourth arrives
                held.add(socket);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> gauge("sluice.syslog.connections.open") == 3);
            try (Socket fourth = connect()) {
                assertThat(closedByServer(fourth, Duration.ofSeconds(5))).as("the fourth is closed at once").isTrue();
            }
            assertThat(count("sluice.syslog.connections.refused", "limit")).isEqualTo(refusedBefore + 1);
            assertThat(rawRecordsOf(tag, 3)).hasSize(3);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> gauge("sluice.syslog.connections.open") == 0);
        try (Socket again = connect()) {
            send(again, tag, "after the others left");
            assertThat(rawRecordsOf(tag, 4)).hasSize(4);
        }
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), servers.port());
    }

    private static void send(Socket socket, String tag, String message) throws IOException {
        socket.getOutputStream().write(("<14>1 2026-11-22T10:15:30Z host-1 " + tag + " - - - " + message + "\n")
                .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Whether the other side closed the connection (end of stream) within {@code atMost}. */
    private static boolean closedByServer(Socket socket, Duration atMost) throws IOException {
        socket.setSoTimeout((int) atMost.toMillis());
        InputStream in = socket.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the peer: closed as well
        }
    }

    private double count(String name, String reason) {
        var counter = meters.find(name).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name) {
        var gauge = meters.find(name).gauge();
        return gauge == null ? -1 : gauge.value();
    }
}
