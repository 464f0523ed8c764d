package io.sluice.runtime.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTest {

    @TempDir
    Path jvms;

    private Path fakeJdk(String name, String version) throws IOException {
        Path jdk = Files.createDirectories(jvms.resolve(name));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        return jdk;
    }

    @Test
    void shouldPreferEsJavaHomeWhenItIsNewEnough() throws IOException {
        Path chosen = fakeJdk("custom", "24.0.1");
        fakeJdk("newest", "25");

        assertThat(JdkLocator.find(Map.of("ES_JAVA_HOME", chosen.toString()), jvms)).contains(chosen);
    }

    @Test
    void shouldSkipJdksOlderThan21AndPickTheNewestInstalled() throws IOException {
        Path old = fakeJdk("old", "17.0.15");
        fakeJdk("mid", "21.0.2");
        Path newest = fakeJdk("newest", "25");

        assertThat(JdkLocator.find(Map.of("ES_JAVA_HOME", old.toString(), "JAVA_HOME", old.toString()), jvms)
                .filter(jdk -> jdk.startsWith(jvms))).contains(newest);
    }

    @Test
    void shouldReadTheFeatureVersionFromTheReleaseFile() throws IOException {
        assertThat(JdkLocator.featureVersion(fakeJdk("a", "21.0.2"))).isEqualTo(21);
        assertThat(JdkLocator.featureVersion(jvms.resolve("missing"))).isEqualTo(-1);
    }
}
