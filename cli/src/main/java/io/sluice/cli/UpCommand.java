package io.sluice.cli;

import io.sluice.replication.Replication;
import io.sluice.runtime.ClusterShape;
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
import io.sluice.tokens.IngestAccess;
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
 * {@code --profile chaos} runs it on the chaos suite's ports and data folder instead of a person's.
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
        RuntimeSettings settings = RuntimeSettings.of(args.profile(), env).withShape(shape(args));
        ClusterShape.claim(settings.dataDir(), settings.shape());
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
        ClusterShape shape = settings.shape();
        System.out.println(shape.single() ? "Starting Kafka and Elasticsearch (the first start unpacks Elasticsearch) ..."
                : "Starting " + shape.brokers() + " Kafka nodes and " + shape.elasticsearchNodes() + " Elasticsearch nodes ...");
        LocalRuntime runtime = new LocalRuntime(settings);
        toStop.push(runtime);
        runtime.start(env);
        String listen = args.option("listen", null);
        boolean insecure = args.flag("insecure");
        Connections connections = Connections.of(settings);
        if (listen != null) {
            connections = connections.withIngest(connections.ingest().listeningOn(listen));
        }
        IngestAccess ingest = insecure ? new IngestAccess(Service.INGEST.url(settings.profile()).replace("https://", "http://"), null, null)
                : connections.ingest().operator();
        if (insecure) {
            System.out.println(INSECURE);
        }

        Map<String, String> serviceEnv = new HashMap<>(Replication.fromEnvironment(env, shape.brokers(), shape.elasticsearchNodes()).environment());
        String slack = configureSlack(env, serviceEnv);
        String kibana = env.getOrDefault("KIBANA_PUBLIC_URL", "http://localhost:5601");
        serviceEnv.put("KIBANA_PUBLIC_URL", kibana);

        System.out.println("Starting ingest, stream-processor, indexer and alerting" + (shape.instances() == 1 ? "" : ", "
                + shape.instances() + " instances of each") + " ...");
        Supervisor supervisor = new Supervisor(settings.dataDir(), System.out, Clock.systemUTC());
        toStop.push(supervisor);
        superviseRuntime(runtime, env, supervisor);
        List<EndpointsFile.ProcessEntry> processes = new java.util.ArrayList<>();
        for (ChildProcess child : runtime.children()) {
            processes.add(new EndpointsFile.ProcessEntry(child.name(), child.name().replaceAll("-\\d+$", ""), child.pid(), null));
        }
        processes.addAll(startServices(settings, connections, serviceEnv, ingestArguments(listen, insecure), supervisor));
        supervisor.start();

        EndpointsFile endpoints = EndpointsFile.describe(settings, connections, kibana, slack, ingest.url() + "/api/v1/logs")
                .withProcesses(processes);
        endpoints.write(settings);
        System.out.println(Banner.ready(endpoints, ingest));
        if (insecure) {
            System.out.println(INSECURE);
        }
        if (args.flag("demo")) {
            DemoTraffic demo = new DemoTraffic(ingest);
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
            Optional<RuntimeSettings.KafkaNode> kafka = settings.kafkaNodes().stream().filter(node -> node.name().equals(child.name())).findFirst();
            Optional<RuntimeSettings.ElasticsearchNodePorts> elasticsearch = settings.elasticsearchNodes().stream()
                    .filter(node -> node.name().equals(child.name())).findFirst();
            Supplier<ChildProcess> restart = kafka.isPresent() ? () -> new KafkaBroker(settings, kafka.get()).start()
                    : () -> new ElasticsearchNode(settings, env, List.of(), elasticsearch.orElseThrow()).start();
            supervisor.supervise(child, restart, Supervisor.Tier.RUNTIME);
        }
    }

    /** Starts the four at once, waits until each is healthy, and hands them to the supervisor, which restarts the one that dies. */
    private List<EndpointsFile.ProcessEntry> startServices(RuntimeSettings settings, Connections connections, Map<String, String> env,
            IngestStart ingest, Supervisor supervisor) {
        List<EndpointsFile.ProcessEntry> processes = new java.util.ArrayList<>();
        ServiceLauncher launcher = new ServiceLauncher(settings, connections);
        Map<String, Runnable> awaits = new java.util.LinkedHashMap<>();
        for (int instance = 1; instance <= settings.shape().instances(); instance++) {
            for (Service service : Service.ALL) {
                int number = instance;
                Map<String, String> serviceEnv = new HashMap<>(env);
                List<String> arguments = service == Service.INGEST ? ingest.arguments() : List.of();
                if (service == Service.INGEST) {
                    serviceEnv.putAll(ingest.env());
                }
                ChildProcess child = launcher.launch(service, number, serviceEnv, arguments);
                awaits.put(service.instanceName(number), () -> launcher.awaitHealthy(service, number, child));
                processes.add(new EndpointsFile.ProcessEntry(child.name(), service.module(), child.pid(),
                        service.healthUrl(settings.profile(), number)));
                supervisor.supervise(child, () -> launcher.launch(service, number, serviceEnv, arguments), Supervisor.Tier.SERVICES);
            }
        }
        awaits.values().forEach(Runnable::run);
        return processes;
    }

    /** What ingest starts with beyond the launcher's defaults: the address it listens on for senders, and insecurity when asked. */
    record IngestStart(List<String> arguments, Map<String, String> env) {
    }

    /** {@code --cluster} (3 brokers, 3 nodes, 2 instances), each size its own flag too: {@code --brokers}, {@code --es-nodes}, {@code --instances}. */
    static ClusterShape shape(CliArgs args) {
        ClusterShape base = args.flag("cluster") ? ClusterShape.CLUSTER : ClusterShape.SINGLE;
        try {
            return new ClusterShape(Integer.parseInt(args.option("brokers", Integer.toString(base.brokers()))),
                    Integer.parseInt(args.option("es-nodes", Integer.toString(base.elasticsearchNodes()))),
                    Integer.parseInt(args.option("instances", Integer.toString(base.instances()))));
        } catch (IllegalArgumentException e) {
            throw new CliArgs.UsageException(e.getMessage());
        }
    }

    /**
     * {@code --listen ADDRESS} opens ingest (HTTPS and syslog over TLS) to the network on ADDRESS, its certificate naming it too;
     * everything else, plain syslog included, stays on 127.0.0.1. {@code --insecure} runs ingest on plain HTTP without tokens.
     */
    static IngestStart ingestArguments(String listen, boolean insecure) {
        List<String> arguments = new java.util.ArrayList<>();
        if (listen != null) {
            arguments.add("--server.address=" + listen);
            arguments.add("--sluice.ingest.syslog.tls-bind-address=" + listen);
        }
        return new IngestStart(List.copyOf(arguments), insecure ? Map.of("SPRING_PROFILES_ACTIVE", "insecure") : Map.of());
    }

    private static final String INSECURE = """

            !!! INSECURE (--insecure): ingest takes logs over plain HTTP from anyone, without a token. Kafka and Elasticsearch
            !!! stay secured. Never expose this platform; run ./sluice up without --insecure for the secure default.
            """;

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
