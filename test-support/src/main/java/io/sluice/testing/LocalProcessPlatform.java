package io.sluice.testing;

import io.sluice.runtime.Connections;
import io.sluice.runtime.LocalRuntime;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;

/** The test profile of the local runtime: real broker and node as child processes of the test JVM. */
final class LocalProcessPlatform implements TestPlatform {

    private final LocalRuntime runtime;

    LocalProcessPlatform() {
        this.runtime = LocalRuntime.start(RuntimeSettings.of(Profile.TEST, System.getenv()), System.getenv());
    }

    @Override
    public Connections connections() {
        return Connections.of(runtime.settings());
    }

    @Override
    public java.util.List<ProcessHandle> elasticsearchProcesses() {
        return runtime.elasticsearchProcesses();
    }

    @Override
    public boolean stopElasticsearch() {
        return runtime.stopElasticsearch();
    }

    @Override
    public void startElasticsearch() {
        runtime.restartElasticsearch();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
