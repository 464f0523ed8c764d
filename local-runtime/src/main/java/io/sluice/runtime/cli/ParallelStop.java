package io.sluice.runtime.cli;

import io.sluice.runtime.process.ChildProcess;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Stops independent children at the same time: each finishes its in-flight work, none waits for another. */
record ParallelStop(List<ChildProcess> children) implements AutoCloseable {

    @Override
    public void close() {
        CompletableFuture.allOf(children.stream()
                .map(child -> CompletableFuture.runAsync(child::close))
                .toArray(CompletableFuture[]::new)).join();
    }
}
