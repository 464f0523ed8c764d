package io.sluice.cli.status;

import java.util.Locale;
import java.util.stream.Collectors;

/** {@link Station} as the text {@code ./sluice status} prints: one line per stage, then the rest. */
public final class StationReport {

    private StationReport() {
    }

    public static String render(Station station) {
        StringBuilder text = new StringBuilder();
        text.append("Sluice at ").append(station.at()).append(" (rates and lag trends over ")
                .append(station.sample().toMillis() / 1000.0).append(" s)\n\n");
        text.append(String.format(Locale.ROOT, "%-17s %-12s %9s  %-44s %s%n", "STAGE", "HEALTH", "IN/S", "LAG (RECORDS)", "SUPERVISOR"));
        for (Station.Stage stage : station.stages()) {
            text.append(String.format(Locale.ROOT, "%-17s %-12s %9s  %-44s %s%n", stage.name(), stage.health(),
                    stage.perSecond() == null ? "-" : String.format(Locale.ROOT, "%.1f", stage.perSecond()),
                    lags(stage), supervised(stage.supervised())));
        }
        for (Station.Stage stage : station.stages()) {
            stage.problems().forEach(problem -> text.append("  ! ").append(stage.name()).append(": ").append(problem).append('\n'));
        }
        instances(station, text);
        text.append('\n');
        Station.KafkaHealth kafka = station.kafka();
        text.append(String.format(Locale.ROOT, "%-17s %s  %s%s%n", "Kafka", kafka.reachable() ? "reachable" : "unreachable",
                kafka.bootstrap(), supervisedSuffix(kafka.supervised())));
        if (!kafka.brokers().isEmpty()) {
            text.append(String.format(Locale.ROOT, "%-17s %s%n", "", kafka.brokers().stream()
                    .map(broker -> "broker " + broker.id() + " " + (broker.up() ? "up" : "DOWN")).collect(Collectors.joining(", "))
                    + (kafka.underReplicatedPartitions() == null ? "" : "; " + kafka.underReplicatedPartitions()
                    + " under-replicated partition(s) (ISR shrunk), " + kafka.partitionsBelowMinInsync() + " below min.insync.replicas")));
        }
        Station.ElasticsearchHealth es = station.elasticsearch();
        text.append(String.format(Locale.ROOT, "%-17s %s  %s%s%n", "Elasticsearch", es.problem() != null ? es.status() + " (" + es.problem() + ")"
                : es.status() + ", " + es.nodes() + (es.nodes() == 1 ? " node, " : " nodes, ") + es.logDocuments() + " log documents"
                        + (es.unassignedShards() > 0 ? ", " + es.unassignedShards() + " unassigned shard(s)" : ""),
                es.url(), supervisedSuffix(es.supervised())));
        if (!es.untimedServices().isEmpty()) {
            text.append(String.format(Locale.ROOT, "%-17s %s%n", "Without a time", es.untimedServices().entrySet().stream()
                    .map(service -> service.getKey() + " (" + service.getValue() + ")").collect(Collectors.joining(", "))
                    + " in the last hour: stamped when received (labels.sluice_time_source: received)"));
        }
        text.append(String.format(Locale.ROOT, "%-17s %s%n", "Dead letters", deadLetters(station.deadLetters())));
        text.append(String.format(Locale.ROOT, "%-17s %s%n", "Last alert",
                kafka.reachable() ? lastAlert(station.lastAlert()) : "unknown (Kafka unreachable)"));
        return text.toString();
    }

    /** Which instance of each stage holds which partitions (its consumer group's members). */
    private static void instances(Station station, StringBuilder text) {
        for (Station.Stage stage : station.stages()) {
            if (stage.instances().isEmpty()) {
                continue;
            }
            text.append(String.format(Locale.ROOT, "  %-15s %s%n", stage.name(), stage.instances().stream()
                    .map(instance -> instance.name() + " [" + String.join(" ", instance.partitions()) + "]").collect(Collectors.joining("  "))));
        }
    }

    private static String lags(Station.Stage stage) {
        if (stage.lags().isEmpty()) {
            return "-";
        }
        return stage.lags().stream().map(lag -> (stage.lags().size() > 1 ? lag.group() + " " : "") + lag.now() + " ("
                + lag.trend() + (lag.now() != lag.before() ? String.format(Locale.ROOT, ", %+d", lag.now() - lag.before()) : "") + ")")
                .collect(Collectors.joining("; "));
    }

    private static String supervised(Station.Supervised supervised) {
        if (supervised == null) {
            return "-";
        }
        StringBuilder text = new StringBuilder(supervised.state());
        text.append(", ").append(supervised.restarts()).append(supervised.restarts() == 1 ? " restart" : " restarts");
        if (supervised.lastExitAt() != null) {
            text.append(", last exit").append(supervised.lastExitCode() == null ? "" : " code " + supervised.lastExitCode())
                    .append(" at ").append(supervised.lastExitAt());
        }
        return text.toString();
    }

    private static String supervisedSuffix(Station.Supervised supervised) {
        return supervised == null ? "" : "  (" + supervised(supervised) + ")";
    }

    private static String deadLetters(Station.DeadLetters dead) {
        if (dead == null) {
            return "unknown (Kafka unreachable)";
        }
        if (dead.total() == 0) {
            return "none";
        }
        return dead.total() + (dead.partial() ? "+ (newest counted)" : "") + ": " + dead.byStageAndReason().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }

    private static String lastAlert(Station.LastAlert alert) {
        if (alert == null) {
            return "none";
        }
        return String.format(Locale.ROOT, "%s %s %s: %s (threshold %s) decided %s, delivery %s", alert.state(), alert.ruleName(),
                alert.group(), number(alert.value()), number(alert.threshold()), alert.decidedAt(), alert.delivery());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
