package io.sluice.cli;

import io.sluice.json.Json;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import java.io.PrintStream;
import java.util.Optional;

/** {@code ./sluice endpoints [--json]}: what the running platform serves, for people or scripts. */
final class EndpointsCommand {

    private final CliArgs args;
    private final PrintStream out;

    EndpointsCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() {
        RuntimeSettings settings = RuntimeSettings.of(Profile.LOCAL, System.getenv());
        Optional<EndpointsFile> running = EndpointsFile.read(settings);
        if (running.isEmpty()) {
            System.err.println("Sluice is not running; start it with ./sluice up");
            return 1;
        }
        EndpointsFile endpoints = running.get();
        if (args.flag("json")) {
            // for local scripts: the operator's Kafka login and Elasticsearch Authorization header, read from the owner-only secrets
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(endpoints.withOperatorCredentials(settings)));
        } else {
            out.println(Banner.endpoints(endpoints));
        }
        return 0;
    }
}
