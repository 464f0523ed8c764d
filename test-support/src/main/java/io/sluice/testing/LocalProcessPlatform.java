package io.sluice.testing;

import io.sluice.runtime.Connections;
import io.sluice.runtime.LocalRuntime;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;

/**
 * The test profile of the local runtime: real broker and node as child processes of the test JVM, or the ones
 * already running. Test JVMs of one checkout start it one at a time (a file lock): two that both found nothing
 * running would otherwise each start a broker, and the second would stop the first's as stale.
 */
final class LocalProcessPlatform implements TestPlatform {

    private final LocalRuntime runtime;

    LocalProcessPlatform() {
        RuntimeSettings settings = RuntimeSettings.of(Profile.TEST, System.getenv());
        try {
            java.nio.file.Files.createDirectories(settings.dataDir());
            try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(settings.dataDir().resolve("start.lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                    java.nio.channels.FileLock held = lock.lock()) {
                this.runtime = LocalRuntime.start(settings, System.getenv());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot take the test runtime's start lock in " + settings.dataDir(), e);
        }
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
    public boolean freezeElasticsearch() {
        java.util.List<ProcessHandle> processes = runtime.elasticsearchProcesses();
        if (processes.isEmpty()) {
            return false;
        }
        runtime.markOutage(true);
        signal("STOP", processes);
        return true;
    }

    @Override
    public void thawElasticsearch() {
        signal("CONT", runtime.elasticsearchProcesses());
        runtime.markOutage(false);
    }

    private static void signal(String signal, java.util.List<ProcessHandle> processes) {
        for (ProcessHandle process : processes) {
            try {
                new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
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
