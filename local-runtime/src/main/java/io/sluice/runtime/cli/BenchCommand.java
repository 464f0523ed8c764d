package io.sluice.runtime.cli;

import io.sluice.runtime.bench.IngestBenchmark;

/** {@code ./sluice bench ingest [--events 200000] [--clients 8] [--lines 500]}: prints figures, asserts nothing. */
final class BenchCommand {

    private final CliArgs args;

    BenchCommand(CliArgs args) {
        this.args = args;
    }

    int run() throws Exception {
        if (!args.positional().equals(java.util.List.of("ingest"))) {
            throw new CliArgs.UsageException("usage: ./sluice bench ingest [--events N] [--clients N] [--lines N]");
        }
        new IngestBenchmark(Integer.parseInt(args.option("events", "200000")), Integer.parseInt(args.option("clients", "8")),
                Integer.parseInt(args.option("lines", "500")), System.out).run();
        return 0;
    }
}
