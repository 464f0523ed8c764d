package io.sluice.cli;

import io.sluice.bench.IndexerBenchmark;
import io.sluice.bench.IngestBenchmark;
import io.sluice.bench.ProcessorBenchmark;

/**
 * {@code ./sluice bench ingest [--events 200000] [--clients 8] [--lines 500]} and
 * {@code ./sluice bench processor|indexer|platform [--events 200000]}: print figures, assert nothing.
 */
final class BenchCommand {

    private final CliArgs args;

    BenchCommand(CliArgs args) {
        this.args = args;
    }

    int run() throws Exception {
        if (args.positional().equals(java.util.List.of("indexer"))) {
            new IndexerBenchmark(Integer.parseInt(args.option("events", "200000")),
                    Integer.parseInt(args.option("in-flight", "2")), System.out).run();
            return 0;
        }
        if (args.positional().equals(java.util.List.of("alerting"))) {
            new io.sluice.bench.AlertLatencyMeasurement(Integer.parseInt(args.option("probes", "100")), System.out).run();
            return 0;
        }
        if (args.positional().equals(java.util.List.of("platform"))) {
            new io.sluice.bench.PlatformBenchmark(Integer.parseInt(args.option("events", "200000")), System.out).run();
            return 0;
        }
        if (args.positional().equals(java.util.List.of("processor"))) {
            new ProcessorBenchmark(Integer.parseInt(args.option("events", "200000")), System.out).run();
            return 0;
        }
        if (!args.positional().equals(java.util.List.of("ingest"))) {
            throw new CliArgs.UsageException("usage: ./sluice bench ingest [--events N] [--clients N] [--lines N]"
                    + " | bench processor [--events N] | bench indexer [--events N] [--in-flight N] | bench alerting [--probes N]"
                    + " | bench platform [--events N]");
        }
        new IngestBenchmark(Integer.parseInt(args.option("events", "200000")), Integer.parseInt(args.option("clients", "8")),
                Integer.parseInt(args.option("lines", "500")), System.out).run();
        return 0;
    }
}
