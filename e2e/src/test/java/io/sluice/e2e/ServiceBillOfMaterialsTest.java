package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Every service jar carries its CycloneDX software bill of materials (written by the build, from the
 * resolved dependencies), where scanners and Spring Boot's {@code /actuator/sbom} look for it.
 */
class ServiceBillOfMaterialsTest {

    private static final String ENTRY = "META-INF/sbom/application.cdx.json";

    // the jar's manifest says where (Sbom-Location), as Spring Boot's repackaging writes it
    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldShipItsBillOfMaterialsListingWhatItRunsOn(Service service) throws Exception {
        RuntimeSettings settings = RuntimeSettings.of(Profile.TEST, System.getenv());
        Path jar = new ServiceLauncher(settings, Connections.of(settings)).executableJar(service);
        JsonNode bom;
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Sbom-Format")).isEqualTo("CycloneDX");
            ZipEntry entry = file.getEntry(file.getManifest().getMainAttributes().getValue("Sbom-Location"));
            assertThat(entry).as("%s in %s (the CycloneDX plugin skips offline builds: build online)", ENTRY, jar).isNotNull();
            bom = Json.MAPPER.readTree(file.getInputStream(entry));
        }
        assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(bom.path("metadata").path("component").path("name").asString()).isEqualTo("sluice-" + service.module());
        List<String> components = new ArrayList<>();
        bom.path("components").forEach(component -> components.add(component.path("group").asString() + ":"
                + component.path("name").asString() + ":" + component.path("version").asString()));
        assertThat(components).contains("org.apache.kafka:kafka-clients:4.3.1", "io.sluice:sluice-model:0.1.0-SNAPSHOT")
                .anyMatch(component -> component.startsWith("org.springframework.boot:spring-boot:"));
    }
}
