package io.sluice.cli;

import io.sluice.runtime.SluiceHome;
import io.sluice.cli.kibana.KibanaImport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./sluice kibana import [--url http://localhost:5601] [--file kibana/sluice-objects.ndjson]}:
 * imports the saved objects, idempotently. Credentials, if Kibana needs them, come from the environment
 * ({@code KIBANA_AUTHORIZATION}, e.g. {@code ApiKey …}), never from arguments.
 */
final class KibanaCommand {

    private final CliArgs args;
    private final PrintStream out;

    KibanaCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() throws Exception {
        if (!args.positional().equals(List.of("import"))) {
            throw new CliArgs.UsageException("usage: ./sluice kibana import [--url http://localhost:5601] [--file F]");
        }
        String url = args.option("url", System.getenv().getOrDefault("KIBANA_URL", "http://localhost:5601"));
        Path file = Path.of(args.option("file", SluiceHome.locate().resolve("kibana").resolve("sluice-objects.ndjson").toString()));
        out.println(new KibanaImport().importObjects(url, file, System.getenv("KIBANA_AUTHORIZATION")));
        return 0;
    }
}
