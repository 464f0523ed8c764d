package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.ingest.IngestIdentities;
import io.sluice.tokens.IngestAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What ./sluice up tells a newcomer and scripts about the secured platform, and how --listen and --insecure start ingest. */
class SecureStartTest {

    @TempDir
    Path data;

    private RuntimeSettings settings() {
        return new RuntimeSettings(Profile.LOCAL, data, data, 9092, 9093, 9094, 9200, 9300, "1g", 3);
    }

    @Test
    void shouldPrintACurlThatCarriesTheCaAndTheOperatorsToken() {
        RuntimeSettings settings = settings();
        EndpointsFile endpoints = EndpointsFile.describe(settings, Connections.of(settings), "http://localhost:5601", "stand-in");
        IngestAccess operator = IngestIdentities.of(settings).operator();

        String banner = Banner.ready(endpoints, operator);

        assertThat(endpoints.ingestUrl()).isEqualTo("https://localhost:8080/api/v1/logs");
        assertThat(banner).contains("curl -sS -X POST 'https://localhost:8080/api/v1/logs?service=checkout'",
                "--cacert " + data.resolve("tls").resolve("ca.crt"), "-H 'Authorization: Bearer " + operator.token() + "'");
    }

    @Test
    void shouldPrintNoCredentialsWhenInsecure() {
        RuntimeSettings settings = settings();
        EndpointsFile endpoints = EndpointsFile.describe(settings, Connections.of(settings), null, null, "http://localhost:8080/api/v1/logs");

        String banner = Banner.ready(endpoints, new IngestAccess("http://localhost:8080", null, null));

        assertThat(banner).contains("'http://localhost:8080/api/v1/logs?service=checkout'").doesNotContain("--cacert", "Authorization");
    }

    @Test
    void shouldGiveScriptsTheTokenButNeverWriteItToTheEndpointsFile() throws Exception {
        RuntimeSettings settings = settings();
        EndpointsFile endpoints = EndpointsFile.describe(settings, Connections.of(settings), null, null);
        endpoints.write(settings);

        JsonNode printed = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(endpoints.withOperatorCredentials(settings)));
        String onDisk = Files.readString(EndpointsFile.path(settings));
        String token = IngestIdentities.of(settings).operator().token();

        assertThat(printed.path("ingestToken").asString()).isEqualTo(token);
        assertThat(printed.path("ingestUrl").asString()).startsWith("https://");
        assertThat(printed.has("caCertificate") && printed.has("kafka") && printed.has("elasticsearchAuthorization")
                && printed.has("syslogTls")).isTrue();
        assertThat(onDisk).doesNotContain(token).doesNotContain("ingestToken");
    }

    @Test
    void shouldReadInsecureAsAFlagAndListenAsAnOption() {
        CliArgs args = CliArgs.parse(java.util.List.of("--insecure", "--listen", "10.0.0.5", "--demo"));

        assertThat(args.flag("insecure")).isTrue();
        assertThat(args.flag("demo")).isTrue();
        assertThat(args.option("listen", null)).isEqualTo("10.0.0.5");
    }

    @Test
    void shouldOpenOnlyIngestToTheListenAddressAndRunItInsecureOnlyWhenAsked() {
        UpCommand.IngestStart listening = UpCommand.ingestArguments("10.0.0.5", false);
        UpCommand.IngestStart insecure = UpCommand.ingestArguments(null, true);

        assertThat(listening.arguments()).containsExactly("--server.address=10.0.0.5", "--sluice.ingest.syslog.tls-bind-address=10.0.0.5");
        assertThat(listening.env()).isEmpty();
        assertThat(UpCommand.ingestArguments(null, false).arguments()).isEmpty();
        assertThat(insecure.env()).containsEntry("SPRING_PROFILES_ACTIVE", "insecure");
    }

    @Test
    void shouldReadTheClusterShapeFromTheFlags() {
        assertThat(UpCommand.shape(CliArgs.parse(java.util.List.of()))).isEqualTo(io.sluice.runtime.ClusterShape.SINGLE);
        assertThat(UpCommand.shape(CliArgs.parse(java.util.List.of("--cluster")))).isEqualTo(new io.sluice.runtime.ClusterShape(3, 3, 2));
        assertThat(UpCommand.shape(CliArgs.parse(java.util.List.of("--cluster", "--instances", "3", "--es-nodes", "2"))))
                .isEqualTo(new io.sluice.runtime.ClusterShape(3, 2, 3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UpCommand.shape(CliArgs.parse(java.util.List.of("--brokers", "zero"))))
                .isInstanceOf(CliArgs.UsageException.class);
    }
}
