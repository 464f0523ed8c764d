package io.sluice.ingest.syslog;

import static io.sluice.ingest.PlatformKafka.rawRecordsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sluice.ingest.IngestIntegrationTest;
import io.sluice.model.ShippedAttributes;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.runtime.rsyslog.Rsyslog;
import io.sluice.testing.SluiceRuntimeExtension;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.sluice.runtime.ingest.IngestIdentities;
import io.sluice.runtime.tls.ServerCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

@IngestIntegrationTest(properties = {"sluice.ingest.syslog.port=0", "sluice.ingest.syslog.bind-address=127.0.0.1",
        "sluice.ingest.syslog.tls-port=0", "sluice.ingest.syslog.tls-bind-address=127.0.0.1"})
class SyslogListenerIT {


    @Autowired
    SyslogServers servers;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @TempDir
    Path dir;


    @ParameterizedTest
    @ValueSource(strings = {"octet-counted", "traditional"})
    void rsyslogShouldForwardRfc5424OverTcp(String framing) {
        assumeTrue(Rsyslog.installed(), "rsyslog is not installed");
        String tag = "rs-tcp-" + UUID.randomUUID().toString().substring(0, 8);
        String actions = "action(type=\"omfwd\" target=\"127.0.0.1\" port=\"" + servers.port() + "\" protocol=\"tcp\""
                + " template=\"RSYSLOG_SyslogProtocol23Format\" TCP_Framing=\"" + framing + "\")";
        try (Rsyslog rsyslog = Rsyslog.start(dir, actions)) {
            for (int i = 0; i < 25; i++) {
                rsyslog.log(tag, i == 0 ? "local3.err" : "local3.info", "over tcp #" + i);
            }

            List<ConsumerRecord<String, byte[]>> records = rawRecordsOf(tag, 25);

            assertThat(records).as(rsyslog.output()).hasSize(25);
            assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("over tcp #0");
            ShippedAttributes first = SluiceHeaders.attributes(records.get(0).headers());
            assertThat(first.level()).isEqualTo("ERROR");
            assertThat(first.timestamp()).isNotNull();
            assertThat(first.labels()).containsEntry("log.syslog.facility.code", "19").containsEntry("log.syslog.facility.name", "local3");
            assertThat(SluiceHeaders.attributes(records.get(1).headers()).level()).isEqualTo("INFO");
        }
    }

    /** RFC 5425 as rsyslog speaks it (GnuTLS): it checks the server's name against the CA, and shows its own certificate. */
    @Test
    void rsyslogShouldForwardOverTlsWithItsClientCertificate() {
        assumeTrue(Rsyslog.installed() && java.nio.file.Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so")),
                "rsyslog-gnutls is not installed");
        String tag = "rs-tls-" + UUID.randomUUID().toString().substring(0, 8);
        IngestIdentities identities = SluiceRuntimeExtension.platform().connections().ingest();
        ServerCertificates.Issued client = identities.syslogClient("rsyslog-it");
        String actions = "global(DefaultNetstreamDriverCAFile=\"" + identities.caCertificate() + "\" DefaultNetstreamDriverCertFile=\""
                + client.certificateChain() + "\" DefaultNetstreamDriverKeyFile=\"" + client.key() + "\")\n"
                + "action(type=\"omfwd\" target=\"localhost\" port=\"" + servers.tlsPort() + "\" protocol=\"tcp\""
                + " StreamDriver=\"gtls\" StreamDriverMode=\"1\" StreamDriverAuthMode=\"x509/name\""
                + " StreamDriverPermittedPeers=\"localhost\" template=\"RSYSLOG_SyslogProtocol23Format\" TCP_Framing=\"octet-counted\")";
        try (Rsyslog rsyslog = Rsyslog.start(dir, actions)) {
            for (int i = 0; i < 10; i++) {
                rsyslog.log(tag, "local3.warning", "over tls #" + i);
            }

            List<ConsumerRecord<String, byte[]>> records = rawRecordsOf(tag, 10);

            assertThat(records).as(rsyslog.output()).hasSize(10);
            assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("over tls #0");
            assertThat(SluiceHeaders.attributes(records.get(0).headers()).level()).isEqualTo("WARN");
        }
    }

    @Test
    void shouldRefuseATlsClientWithoutACertificate() throws Exception {
        String marker = "no-client-certificate-" + UUID.randomUUID();
        Path ca = SluiceRuntimeExtension.platform().connections().ingest().caCertificate();
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) io.sluice.elasticsearch.ElasticsearchAccess.trusting(ca)
                .getSocketFactory().createSocket("localhost", servers.tlsPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                socket.startHandshake();
                out.write(("<14>1 2026-11-22T10:15:30Z host-1 tls-anon - - - " + marker + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                // TLS 1.3 reports the refused certificate at the first read
                socket.getInputStream().read();
            }).isInstanceOf(java.io.IOException.class);
        }

        assertThat(TopicRecords.read(SluiceRuntimeExtension.platform().kafka(), Topics.RAW.name(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker), 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void shouldTakeRfc3164DatagramsOverUdp() throws Exception {
        String tag = "udp-" + UUID.randomUUID().toString().substring(0, 8);
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int i = 0; i < 10; i++) {
                byte[] datagram = ("<12>Nov 22 10:15:3" + i + " edge-1 " + tag + "[77]: datagram #" + i)
                        .getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), servers.port()));
            }
        }

        List<ConsumerRecord<String, byte[]>> records = rawRecordsOf(tag, 10);

        assertThat(records).hasSize(10);
        assertThat(SluiceHeaders.text(records.get(0).headers(), SluiceHeaders.HOST)).isEqualTo("edge-1");
        assertThat(SluiceHeaders.attributes(records.get(0).headers()).labels()).containsEntry("log.syslog.procid", "77").containsEntry("process.pid", "77");
        String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("sluice_syslog_udp_kernel_drops ")
                .containsPattern("sluice_syslog_messages_total\\{outcome=\"accepted\",transport=\"udp\"} [1-9]");
    }

    @Test
    void shouldKeepAFrameThatIsNotSyslogAsAFlaggedLine() throws Exception {
        String marker = "not-syslog-" + UUID.randomUUID();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), servers.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((marker + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(SluiceRuntimeExtension.platform().kafka(),
                Topics.RAW.name(), record -> new String(record.value(), StandardCharsets.UTF_8).equals(marker), 1,
                Duration.ofSeconds(30));

        assertThat(records).singleElement().satisfies(record -> assertThat(
                SluiceHeaders.attributes(record.headers()).labels()).containsKey(SyslogLines.UNPARSED_LABEL));
    }
}
