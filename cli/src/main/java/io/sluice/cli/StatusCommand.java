package io.sluice.cli;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.runtime.process.ServiceStates;
import io.sluice.json.Json;
import io.sluice.runtime.Connections;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.services.Service;
import io.sluice.cli.status.Station;
import io.sluice.cli.status.StationReader;
import io.sluice.cli.status.StationReport;
import io.sluice.cli.status.StationReader.Consumer;
import io.sluice.cli.status.StationReader.StageSpec;
import io.sluice.topics.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./sluice status}: the station view an operator checks first — each stage's health, rate,
 * lag (and whether it grows) and restarts, Elasticsearch's health, the dead letters by reason and the
 * last alert. {@code --json} prints the same for scripts; {@code --profile test} looks at the
 * integration tests' platform; {@code --kafka} and {@code --es} point elsewhere.
 */
final class StatusCommand {

    private final CliArgs args;
    private final PrintStream out;

    StatusCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() {
        Profile profile = args.profile();
        RuntimeSettings settings = RuntimeSettings.of(profile, System.getenv());
        EndpointsFile endpoints = EndpointsFile.read(settings)
                .orElseGet(() -> EndpointsFile.describe(settings, Connections.of(settings), null, null));
        KafkaAccess kafka = CommandKafka.as(args, KafkaPrincipal.OPERATOR);
        ElasticsearchAccess elasticsearch = CommandElasticsearch.as(args, ElasticsearchPrincipal.OPERATOR);
        Duration sample = LogQuery.parseSince(args.option("sample", "2s"));
        Station station = new StationReader(kafka, elasticsearch).read(stages(profile), supervised(settings), sample, expected(settings));
        out.print(args.flag("json") ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(station) + "\n"
                : StationReport.render(station));
        return 0;
    }

    static List<StageSpec> stages(Profile profile) {
        return List.of(
                new StageSpec(Service.INGEST.module(), Service.INGEST.healthUrl(profile), Topics.RAW.name(), List.of()),
                new StageSpec(Service.STREAM_PROCESSOR.module(), Service.STREAM_PROCESSOR.healthUrl(profile), null,
                        List.of(new Consumer("sluice-stream-processor", Topics.RAW.name()))),
                new StageSpec(Service.INDEXER.module(), Service.INDEXER.healthUrl(profile), null,
                        List.of(new Consumer("sluice-indexer", Topics.ENRICHED.name()))),
                new StageSpec(Service.ALERTING.module(), Service.ALERTING.healthUrl(profile), null,
                        List.of(new Consumer("sluice-alerting", Topics.ENRICHED.name()),
                                new Consumer("sluice-alert-delivery", Topics.ALERTS.name()))));
    }

    /** The brokers and service instances of the platform's shape, as its data folder records it. */
    static StationReader.Expected expected(RuntimeSettings settings) {
        List<StationReader.ExpectedBroker> brokers = settings.kafkaNodes().stream()
                .map(node -> new StationReader.ExpectedBroker(node.id(), "localhost:" + node.clientPort())).toList();
        Map<String, String> instances = new HashMap<>();
        for (int instance = 1; instance <= settings.shape().instances(); instance++) {
            for (Service service : Service.ALL) {
                instances.put(service.kafkaClientId(instance), service.instanceName(instance));
            }
        }
        return new StationReader.Expected(brokers, instances);
    }

    private static Map<String, Station.Supervised> supervised(RuntimeSettings settings) {
        Map<String, Station.Supervised> supervised = new HashMap<>();
        ServiceStates.read(settings.dataDir()).ifPresent(states -> states.services().forEach(state -> supervised.put(state.name(),
                new Station.Supervised(state.state(), state.restarts(), state.lastExitAt(), state.lastExitCode()))));
        return supervised;
    }
}
