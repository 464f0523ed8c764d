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
        Optional<EndpointsFile> running = EndpointsFile.read(RuntimeSettings.of(Profile.LOCAL, System.getenv()));
        if (running.isEmpty()) {
            System.err.println("Sluice is not running; start it with ./sluice up");
            return 1;
        }
        EndpointsFile endpoints = running.get();
        if (args.flag("json")) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(endpoints));
        } else {
            out.println(Banner.endpoints(endpoints));
        }
        return 0;
    }
}
