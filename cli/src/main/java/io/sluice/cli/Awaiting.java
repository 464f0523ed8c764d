package io.sluice.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks the main thread until the shutdown hook has stopped everything. */
final class Awaiting {

    private Awaiting() {
    }

    static void forever(CountDownLatch stopped) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
