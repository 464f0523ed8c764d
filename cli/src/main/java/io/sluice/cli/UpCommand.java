package io.sluice.cli;

import io.sluice.runtime.Connections;
import io.sluice.runtime.LocalRuntime;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.elasticsearch.ElasticsearchNode;
import io.sluice.runtime.kafka.KafkaBroker;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.process.Supervisor;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import java.time.Clock;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * {@code ./sluice up [--demo]}: the whole platform on this machine — real Kafka and Elasticsearch,
 * the four services, optionally demo traffic — until Ctrl-C, which stops every process it started.
 * Meanwhile a {@link Supervisor} restarts any of these processes that dies, with backoff, and says so.
 */
final class UpCommand {

    private final CliArgs args;
    private final Deque<AutoCloseable> toStop = new ConcurrentLinkedDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    UpCommand(CliArgs args) {
        this.args = args;
    }

    int run() {
        Map<String, String> env = System.getenv();
        RuntimeSettings settings = RuntimeSettings.of(Profile.LOCAL, env);
        RuntimeLock.Result lock = RuntimeLock.acquire(settings.dataDir());
        if (lock.lock().isEmpty()) {
            System.err.println(lock.refusal(settings.dataDir()));
            return 1;
        }
        toStop.push(lock.lock().get()); // released last, once everything it guards has stopped
        Optional<EndpointsFile> running = EndpointsFile.read(settings);
        if (running.isPresent()) {
            System.err.println("Sluice is already running (pid " + running.get().pid() + "); ./sluice endpoints");
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(settings), "sluice-stop"));
        System.out.println("Starting Kafka and Elasticsearch (the first start unpacks Elasticsearch) ...");
        LocalRuntime runtime = new LocalRuntime(settings);
        toStop.push(runtime);
        runtime.start(env);
        Connections connections = Connections.of(settings);

        Map<String, String> serviceEnv = new HashMap<>();
        String slack = configureSlack(env, serviceEnv);
        String kibana = env.getOrDefault("KIBANA_PUBLIC_URL", "http://localhost:5601");
        serviceEnv.put("KIBANA_PUBLIC_URL", kibana);

        System.out.println("Starting ingest, stream-processor, indexer and alerting ...");
        Supervisor supervisor = new Supervisor(settings.dataDir(), System.out, Clock.systemUTC());
        toStop.push(supervisor);
        superviseRuntime(runtime, env, supervisor);
        startServices(settings, connections, serviceEnv, supervisor);
        supervisor.start();

        EndpointsFile endpoints = EndpointsFile.describe(settings, connections, kibana, slack);
        endpoints.write(settings);
        System.out.println(Banner.ready(endpoints));
        if (args.flag("demo")) {
            DemoTraffic demo = new DemoTraffic(endpoints.ingestUrl());
            toStop.push(demo);
            demo.start();
            System.out.println("Demo traffic is flowing from checkout, payments and edge; an error burst"
                    + " from payments fires an alert within a minute.");
        }
        Awaiting.forever(stopped);
        return 0;
    }

    private String configureSlack(Map<String, String> env, Map<String, String> serviceEnv) {
        String webhook = env.get("SLACK_WEBHOOK_URL");
        if (webhook != null && !webhook.isBlank()) {
            serviceEnv.put("SLACK_WEBHOOK_URL", webhook);
            return "your webhook (from SLACK_WEBHOOK_URL)";
        }
        int port = RuntimeSettings.port(env, "SLUICE_SLACK_SINK_PORT", 8099);
        LocalSlackSink sink = LocalSlackSink.start(port, System.out);
        toStop.push(sink);
        serviceEnv.put("SLACK_WEBHOOK_URL", sink.url());
        return "no SLACK_WEBHOOK_URL set: alerts are printed here by a local stand-in (" + sink.url() + ")";
    }

    /** Kafka and Elasticsearch, when this run started them (not when it found them running), are restarted on the same data. */
    private static void superviseRuntime(LocalRuntime runtime, Map<String, String> env, Supervisor supervisor) {
        RuntimeSettings settings = runtime.settings();
        for (ChildProcess child : runtime.children()) {
            Supplier<ChildProcess> restart = child.name().equals("kafka") ? () -> new KafkaBroker(settings).start()
                    : () -> new ElasticsearchNode(settings, env).start();
            supervisor.supervise(child, restart, Supervisor.Tier.RUNTIME);
        }
    }

    /** Starts the four at once, waits until each is healthy, and hands them to the supervisor, which restarts the one that dies. */
    private void startServices(RuntimeSettings settings, Connections connections, Map<String, String> env, Supervisor supervisor) {
        ServiceLauncher launcher = new ServiceLauncher(settings, connections);
        Map<Service, ChildProcess> children = new java.util.EnumMap<>(Service.class);
        for (Service service : Service.ALL) {
            ChildProcess child = launcher.launch(service, env, List.of());
            children.put(service, child);
            supervisor.supervise(child, () -> launcher.launch(service, env, List.of()), Supervisor.Tier.SERVICES);
        }
        children.forEach(launcher::awaitHealthy);
    }

    private void stopAll(RuntimeSettings settings) {
        System.out.println("\nStopping Sluice ...");
        for (AutoCloseable next; (next = toStop.poll()) != null; ) {
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        EndpointsFile.remove(settings);
        stopped.countDown();
    }
}
