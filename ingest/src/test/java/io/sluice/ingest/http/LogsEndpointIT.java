package io.sluice.ingest.http;

import io.sluice.ingest.PlatformKafka;
import io.sluice.tokens.IngestAccess;
import static io.sluice.ingest.PlatformKafka.rawRecordsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.IngestIntegrationTest;
import io.sluice.topics.SluiceHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IngestIntegrationTest(properties = {"sluice.ingest.max-body-size=4KB", "sluice.ingest.max-line-size=1KB",
                "sluice.ingest.max-decompressed-size=64KB"})
class LogsEndpointIT {


    @LocalServerPort
    int port;

    private IngestAccess ingest() {
        return PlatformKafka.ingestAt(port);
    }

    private HttpResponse<String> post(String query, String body) throws Exception {
        return post(query, "application/x-ndjson", body);
    }

    private HttpResponse<String> post(String query, String contentType, String body) throws Exception {
        HttpRequest request = ingest().request("/api/v1/logs" + query)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return ingest().httpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }


    @Test
    void shouldKeepTheBodyOfAPostSentAsAForm() throws Exception {
        String service = "form-post-" + UUID.randomUUID();
        // curl --data-binary without -H Content-Type sends exactly this
        HttpResponse<String> response = post("?service=" + service, "application/x-www-form-urlencoded",
                "{\"message\":\"a=b&c=d\"}\nlevel=error msg=oops");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"accepted\":2");
        assertThat(rawRecordsOf(service, 2)).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactly("{\"message\":\"a=b&c=d\"}", "level=error msg=oops");
    }

    private HttpResponse<String> postEncoded(String query, String encoding, byte[] body) throws Exception {
        HttpRequest request = ingest().request("/api/v1/logs" + query)
                .header("Content-Type", "application/x-ndjson").header("Content-Encoding", encoding)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return ingest().httpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(byte[] plain) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void shouldAcceptAGzipBody() throws Exception {
        String service = "gzip-" + UUID.randomUUID();
        HttpResponse<String> response = postEncoded("?service=" + service, "gzip",
                gzip("[{\"message\":\"zipped one\"},{\"message\":\"zipped two\"}]".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rawRecordsOf(service, 2)).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactly("{\"message\":\"zipped one\"}", "{\"message\":\"zipped two\"}");
    }

    @Test
    void shouldRefuseAGzipBombOnceItInflatesPastTheLimit() throws Exception {
        byte[] bomb = gzip(new byte[1024 * 1024]);
        assertThat(bomb.length).as("a megabyte of zeros zips to about a kilobyte").isLessThan(4096);

        HttpResponse<String> response = postEncoded("?service=bomb", "gzip", bomb);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("decompressed body exceeds the limit of 65536 bytes");
    }

    @Test
    void shouldRefuseAnEncodingItDoesNotSpeak() throws Exception {
        HttpResponse<String> response = postEncoded("?service=br", "br", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("'br' is not supported");
    }

    @Test
    void shouldTakeWhatCurlSendsAsTheReadmeShowsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String service = "curl-" + UUID.randomUUID();
        java.nio.file.Path body = java.nio.file.Files.writeString(dir.resolve("logs.ndjson"),
                "{\"message\":\"payment timeout after 30s\",\"log.level\":\"ERROR\"}\nplain from curl\n");
        // the token in a header file, not on curl's command line (which every user of the machine can read)
        java.nio.file.Path header = dir.resolve("authorization.txt");
        java.nio.file.Files.writeString(header, "Authorization: " + ingest().authorization() + "\n");
        Process curl = new ProcessBuilder("curl", "-sS", "-X", "POST", "--cacert", ingest().trustedCertificates().toString(),
                "-H", "@" + header, ingest().url() + "/api/v1/logs?service=" + service, "--data-binary", "@" + body)
                .redirectErrorStream(true).start();
        String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(curl.waitFor()).as(answer).isZero();
        assertThat(answer).isEqualTo("{\"accepted\":2,\"rejected\":0,\"errors\":[]}");
        assertThat(rawRecordsOf(service, 2)).hasSize(2);
    }

    @Test
    void shouldRefuseAnEmptyBodyWithAReason() throws Exception {
        HttpResponse<String> response = post("?service=empty", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("empty body");
    }

    @Test
    void shouldAnswerOnlyAfterKafkaHasEveryLine() throws Exception {
        String service = "ingest-it-" + UUID.randomUUID();
        HttpResponse<String> response = post("?service=" + service,
                "{\"message\":\"json line\",\"event.id\":\"given-id\"}\nplain line\n");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"accepted\":2", "\"rejected\":0");
        List<ConsumerRecord<String, byte[]>> records = rawRecordsOf(service, 2);
        assertThat(records).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactly("{\"message\":\"json line\",\"event.id\":\"given-id\"}", "plain line");
        assertThat(SluiceHeaders.text(records.get(0).headers(), SluiceHeaders.EVENT_ID)).isEqualTo("given-id");
        assertThat(SluiceHeaders.text(records.get(1).headers(), SluiceHeaders.EVENT_ID)).isNotBlank();
        assertThat(SluiceHeaders.text(records.get(1).headers(), SluiceHeaders.SERVICE)).isEqualTo(service);
    }

    @Test
    void shouldTakeAPlainTextBodyAsLinesEvenWhenItStartsWithABracket() throws Exception {
        String service = "text-plain-" + UUID.randomUUID();
        HttpResponse<String> response = post("?service=" + service, "text/plain",
                "[2026-11-30 10:15:30] WARN disk almost full\n[INFO] rotated");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"accepted\":2");
        assertThat(rawRecordsOf(service, 2)).extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                .containsExactly("[2026-11-30 10:15:30] WARN disk almost full", "[INFO] rotated");
    }

    @Test
    void shouldRefuseAnOversizedBodyWith413() throws Exception {
        HttpResponse<String> response = post("?service=too-big", "x".repeat(5000));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("exceeds the limit of 4096 bytes");
    }

    @Test
    void shouldAnswer400WithTheReasonWhenEveryLineIsRefused() throws Exception {
        HttpResponse<String> response = post("?service=long-lines", "y".repeat(2000));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"accepted\":0", "\"lineNumber\":1", "2000 bytes, the limit is 1024");
    }
}
