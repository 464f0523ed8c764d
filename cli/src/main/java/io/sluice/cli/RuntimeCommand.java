package io.sluice.cli;

import io.sluice.runtime.LocalRuntime;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./sluice runtime}: only the real Kafka and Elasticsearch, until Ctrl-C; {@code ./sluice runtime stop}
 * stops those of a profile left running (the test runtime {@code ./sluice test} shares across modules).
 */
final class RuntimeCommand {

    private final CliArgs args;

    RuntimeCommand(CliArgs args) {
        this.args = args;
    }

    int run() {
        Profile profile = args.profile();
        RuntimeSettings settings = RuntimeSettings.of(profile, System.getenv());
        if (args.positional().contains("stop")) {
            boolean stopped = LocalRuntime.stopRunning(settings, System.getenv());
            System.out.println(stopped ? "stopped the " + profile.folder() + " runtime" : "no " + profile.folder() + " runtime was running");
            return 0;
        }
        LocalRuntime runtime = new LocalRuntime(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "sluice-stop"));
        runtime.start(System.getenv());
        System.out.printf("Kafka         %s%nElasticsearch %s%nCtrl-C stops both.%n",
                settings.kafkaBootstrap(), settings.elasticsearchUrl());
        Awaiting.forever(stopped);
        return 0;
    }
}
