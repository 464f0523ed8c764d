package io.sluice.cli;

import io.sluice.json.Json;
import io.sluice.runtime.process.ServiceStates;
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
        RuntimeSettings settings = RuntimeSettings.of(args.profile(), System.getenv());
        Optional<EndpointsFile> running = EndpointsFile.read(settings);
        if (running.isEmpty()) {
            System.err.println("Sluice is not running; start it with ./sluice up");
            return 1;
        }
        // a process the supervisor restarted has a new pid: its states say which
        EndpointsFile endpoints = running.get().withCurrentPids(ServiceStates.read(settings.dataDir()));
        if (args.flag("json")) {
            // for local scripts: the operator's Kafka login and Elasticsearch Authorization header, read from the owner-only secrets
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(endpoints.withOperatorCredentials(settings)));
        } else {
            out.println(Banner.endpoints(endpoints));
        }
        return 0;
    }
}
