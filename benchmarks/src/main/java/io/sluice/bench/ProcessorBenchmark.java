package io.sluice.bench;

import io.sluice.runtime.kafka.LocalKafkaIdentities;
import io.sluice.runtime.Classpaths;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.SluiceHome;
import io.sluice.runtime.kafka.KafkaBroker;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.topics.TopicInstaller;
import io.sluice.topics.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events per CPU-second of Sluice's stream processor (the real service jar) against a minimal Streams
 * app that only parses JSON and adds three fields, on the same JSON input, in one run on a broker of
 * its own; and the processor's figures on text lines read by grok and on lines whose time and level are recognized
 * with no setup (one source per format). Each application is its own process:
 * its CPU time is read from the operating system around each measured batch, after start-up and a
 * warm-up batch (as many events, unmeasured, so the JIT has compiled the hot path), from the
 * first record produced until its group has committed every one; the load generator is not counted.
 * Three interleaved rounds, medians reported, since a shared machine's speed drifts.
 */
public final class ProcessorBenchmark {

    private static final String BASELINE_IN = "bench.baseline.in";
    private static final String BASELINE_OUT = "bench.baseline.out";
    private static final String BASELINE_GROUP = "sluice-bench-baseline";
    private static final String PROCESSOR_GROUP = "sluice-stream-processor";
    private static final int ROUNDS = 3;

    private final int events;
    private final PrintStream out;

    public ProcessorBenchmark(int events, PrintStream out) {
        this.events = events;
        this.out = out;
    }

    public void run() throws Exception {
        Path home = SluiceHome.locate();
        RuntimeSettings settings = new RuntimeSettings(Profile.TEST, home, home.resolve(".sluice").resolve("bench-processor"),
                29292, 29293, 29294, 0, 0, "0", 3);
        out.printf("processor benchmark: %,d events per run, 3 partitions, exactly_once_v2, 1 stream thread, 2 cores shared%n",
                events);
        try (ChildProcess broker = new KafkaBroker(settings).start();
                Admin admin = Admin.create(new LocalKafkaIdentities(settings).admin().properties())) {
            new TopicInstaller(new LocalKafkaIdentities(settings).admin(), 3).install();
            createIfMissing(admin, BASELINE_IN, BASELINE_OUT);
            ConsumedInput input = new ConsumedInput(admin);
            ServiceLauncher launcher = new ServiceLauncher(settings, Connections.of(settings));
            try (ChildProcess baselineApp = startBaseline(settings);
                    ChildProcess processor = launcher.start(Service.STREAM_PROCESSOR, Map.of(), List.of())) {
                input.awaitMember(BASELINE_GROUP);
                input.awaitMember(PROCESSOR_GROUP);
                Run baseline = new Run(baselineApp, BASELINE_IN, BASELINE_GROUP, BenchPayloads.json());
                Run json = new Run(processor, Topics.RAW.name(), PROCESSOR_GROUP, BenchPayloads.json());
                Run text = new Run(processor, Topics.RAW.name(), PROCESSOR_GROUP, BenchPayloads.text());
                Run recognized = new Run(processor, Topics.RAW.name(), PROCESSOR_GROUP, BenchPayloads.recognized(), BenchPayloads.RECOGNIZED_FORMATS);
                for (Run run : List.of(baseline, json, text, recognized)) {
                    produceAndAwait(settings, run, events, input); // JIT warm-up, not measured
                }
                // interleaved rounds: a machine that slows down for a while slows both sides of a round
                List<Double> ratios = new ArrayList<>();
                List<Figures> baselines = new ArrayList<>();
                List<Figures> jsons = new ArrayList<>();
                List<Figures> texts = new ArrayList<>();
                List<Figures> recognizeds = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    baselines.add(measure(settings, baseline, input));
                    jsons.add(measure(settings, json, input));
                    texts.add(measure(settings, text, input));
                    recognizeds.add(measure(settings, recognized, input));
                    ratios.add(jsons.get(jsons.size() - 1).perCpuSecond() / baselines.get(baselines.size() - 1).perCpuSecond());
                    out.printf("round %d: minimal %,.0f, Sluice JSON %,.0f, Sluice text %,.0f, Sluice recognized %,.0f events per CPU-second%n",
                            round, baselines.get(round - 1).perCpuSecond(), jsons.get(round - 1).perCpuSecond(),
                            texts.get(round - 1).perCpuSecond(), recognizeds.get(round - 1).perCpuSecond());
                }
                print("minimal Streams app (JSON + 3 fields)", median(baselines));
                print("Sluice processor, JSON lines", median(jsons));
                print("Sluice processor, text lines (grok)", median(texts));
                print("Sluice processor, recognized lines", median(recognizeds));
                out.printf("ratio Sluice / minimal app, events per CPU-second on JSON, median of %d rounds: %.2f (goal >= 0.80)%n",
                        ROUNDS, medianOf(ratios));
                out.printf("text (grok) / JSON, Sluice processor: %.2f%n", median(texts).perCpuSecond() / median(jsons).perCpuSecond());
                out.printf("recognized (no setup) / text (grok), Sluice processor: %.2f (goal >= 1.00)%n",
                        median(recognizeds).perCpuSecond() / median(texts).perCpuSecond());
            }
        }
    }

    private ChildProcess startBaseline(RuntimeSettings settings) {
        List<String> command = List.of(Classpaths.javaExecutable(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-cp",
                Classpaths.recorded(ProcessorBenchmark.class, "bench.classpath"), MinimalStreamsApp.class.getName(), settings.kafkaAdminBootstrap(), BASELINE_IN,
                BASELINE_OUT, BASELINE_GROUP, settings.dataDir().resolve("state").resolve("baseline").toString());
        // the baseline runs as the administrator: its topics and group are its own, outside every Sluice grant
        return ChildProcess.start("bench-baseline", command, new LocalKafkaIdentities(settings).admin().environment(), settings.home(),
                settings.logDir().resolve("bench-baseline.log"), settings.dataDir().resolve("run").resolve("bench-baseline.pid"));
    }

    private Figures measure(RuntimeSettings settings, Run run, ConsumedInput input) throws Exception {
        Duration cpuBefore = cpu(run.app());
        long started = System.nanoTime();
        produceAndAwait(settings, run, events, input);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (cpu(run.app()).toNanos() - cpuBefore.toNanos()) / 1e9;
        return new Figures(events / cpuSeconds, events / seconds, cpuSeconds);
    }

    private static void produceAndAwait(RuntimeSettings settings, Run run, int count, ConsumedInput input) throws Exception {
        long target = input.endOffsets(run.topic()) + count;
        try (KafkaProducer<String, byte[]> producer = producer(settings)) {
            for (int i = 0; i < count; i++) {
                int line = i % run.lines().size();
                // one source per format where the lines' formats differ by source, as they do in the wild
                String key = run.sources() > 1 ? "bench-" + line % run.sources() : "bench";
                producer.send(new ProducerRecord<>(run.topic(), key, run.lines().get(line).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        input.awaitCommitted(run.group(), run.topic(), target, Duration.ofMinutes(15));
    }

    private static Figures median(List<Figures> figures) {
        List<Figures> sorted = new ArrayList<>(figures);
        sorted.sort(java.util.Comparator.comparingDouble(Figures::perCpuSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static Duration cpu(ChildProcess app) {
        return ProcessHandle.of(app.pid()).flatMap(handle -> handle.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for pid " + app.pid()));
    }

    private static KafkaProducer<String, byte[]> producer(RuntimeSettings settings) {
        Properties config = new Properties();
        config.putAll(new LocalKafkaIdentities(settings).admin().properties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static void createIfMissing(Admin admin, String... topics) throws ExecutionException, InterruptedException,
            java.util.concurrent.TimeoutException {
        var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = java.util.Arrays.stream(topics).filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, 3, (short) 1)).toList();
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    }

    private void print(String what, Figures figures) {
        out.printf("%-40s %,10.0f events per CPU-second  (%,.0f events/s wall clock, %.1f CPU-s)%n", what + ":",
                figures.perCpuSecond(), figures.perSecond(), figures.cpuSeconds());
    }

    /** An application and the input it is measured on. */
    /** What one run sends: its lines, keyed as one source, or as {@code sources} sources (line {@code i} from source {@code i % sources}). */
    private record Run(ChildProcess app, String topic, String group, List<String> lines, int sources) {
        Run(ChildProcess app, String topic, String group, List<String> lines) {
            this(app, topic, group, lines, 1);
        }
    }

    /** One measured run. */
    record Figures(double perCpuSecond, double perSecond, double cpuSeconds) {
    }
}
