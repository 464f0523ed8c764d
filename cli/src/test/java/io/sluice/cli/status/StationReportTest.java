package io.sluice.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StationReportTest {

    private static final Instant AT = Instant.parse("2026-11-29T12:30:00Z");

    @Test
    void shouldShowAStoppedIndexerWithGrowingLagRestartsDeadLettersAndTheLastAlert() {
        Map<String, Long> dead = new LinkedHashMap<>();
        dead.put("stream-processor/parse malformed_json", 2L);
        dead.put("indexer/bulk elasticsearch_refused", 1L);
        Station station = new Station(AT, Duration.ofSeconds(2), List.of(
                new Station.Stage("ingest", "UP", 120.5, List.of(), new Station.Supervised("running", 0, null, null), List.of()),
                new Station.Stage("indexer", "unreachable", 0.0, List.of(new Station.Lag("sluice-indexer", "logs.enriched.v1", 900, 1204)),
                        new Station.Supervised("restarting", 2, AT.minusSeconds(2), 137), List.of()),
                new Station.Stage("alerting", "UP", 60.0, List.of(new Station.Lag("sluice-alerting", "logs.enriched.v1", 0, 0),
                        new Station.Lag("sluice-alert-delivery", "alerts.v1", 3, 1)), null,
                        List.of("route payments down since 2026-11-29T12:25:00Z: Slack unreachable: ConnectException; 2 alert(s) undelivered"))),
                new Station.KafkaHealth("localhost:9092", true, new Station.Supervised("running", 0, null, null)),
                new Station.ElasticsearchHealth("http://localhost:9200", "green", 1, 45210, null,
                        new Station.Supervised("running", 1, AT.minusSeconds(600), 137)),
                new Station.DeadLetters(3, dead, false),
                new Station.LastAlert("FIRING", "Errors", "payments", 40, 20, AT.minusSeconds(60), "DELIVERED"));

        String text = StationReport.render(station);

        assertThat(text).contains("rates and lag trends over 2.0 s");
        assertThat(line(text, "ingest")).contains("UP", "120.5", "running, 0 restarts");
        assertThat(line(text, "indexer")).contains("unreachable", "1204 (growing, +304)",
                "restarting, 2 restarts, last exit code 137 at 2026-11-29T12:29:58Z");
        assertThat(line(text, "alerting")).contains("sluice-alerting 0 (caught up); sluice-alert-delivery 1 (shrinking, -2)");
        assertThat(line(text, "  ! alerting")).isEqualTo(
                "  ! alerting: route payments down since 2026-11-29T12:25:00Z: Slack unreachable: ConnectException; 2 alert(s) undelivered");
        assertThat(line(text, "Kafka")).contains("reachable  localhost:9092  (running, 0 restarts)");
        assertThat(line(text, "Elasticsearch")).contains("green, 1 node, 45210 log documents",
                "(running, 1 restart, last exit code 137 at 2026-11-29T12:20:00Z)");
        assertThat(line(text, "Dead letters")).contains("3: stream-processor/parse malformed_json 2, indexer/bulk elasticsearch_refused 1");
        assertThat(line(text, "Last alert")).contains("FIRING Errors payments: 40 (threshold 20) decided 2026-11-29T12:29:00Z, delivery DELIVERED");
    }

    @Test
    void shouldShowTheClusterBrokersShardsAndEachInstancesPartitions() {
        Station station = new Station(AT, Duration.ofSeconds(2), List.of(
                new Station.Stage("indexer", "UP", 10.0, List.of(), null, List.of(), List.of(
                        new Station.Instance("indexer", List.of("logs.enriched.v1-0", "logs.enriched.v1-1")),
                        new Station.Instance("indexer-2", List.of("logs.enriched.v1-2"))))),
                new Station.KafkaHealth("localhost:9092,localhost:9102,localhost:9112", true, null, List.of(
                        new Station.Broker(1, "localhost:9092", true), new Station.Broker(2, "localhost:9102", false),
                        new Station.Broker(3, "localhost:9112", true)), 4, 0),
                new Station.ElasticsearchHealth("https://localhost:9200", "yellow", 2, 10, null, null, 3), null, null);

        String text = StationReport.render(station);

        assertThat(line(text, "  indexer")).isEqualTo("  indexer         indexer [logs.enriched.v1-0 logs.enriched.v1-1]  indexer-2 [logs.enriched.v1-2]");
        assertThat(text).contains("broker 1 up, broker 2 DOWN, broker 3 up; 4 under-replicated partition(s) (ISR shrunk), 0 below min.insync.replicas");
        assertThat(line(text, "Elasticsearch")).contains("yellow, 2 nodes, 10 log documents, 3 unassigned shard(s)");
    }

    @Test
    void shouldListTheServicesWhoseLinesArriveWithoutATime() {
        Station station = new Station(AT, Duration.ofSeconds(2), List.of(),
                new Station.KafkaHealth("localhost:9092", true, null),
                new Station.ElasticsearchHealth("https://localhost:9200", "green", 1, 10, null, null, 0,
                        java.util.Map.of("legacy-batch", 120L)), null, null);

        assertThat(line(StationReport.render(station), "Without a time"))
                .contains("legacy-batch (120) in the last hour", "labels.sluice_time_source: received");
    }

    @Test
    void shouldSayWhatIsUnknownRatherThanMakeItUp() {
        Station station = new Station(AT, Duration.ofSeconds(2), List.of(new Station.Stage("ingest", "unreachable", null, List.of(), null, List.of())),
                new Station.KafkaHealth("localhost:9092", false, null),
                new Station.ElasticsearchHealth("http://localhost:9200", "unreachable", 0, 0, "connection refused", null), null, null);

        String text = StationReport.render(station);

        assertThat(line(text, "ingest")).contains("unreachable", " - ");
        assertThat(line(text, "Kafka")).contains("unreachable  localhost:9092").doesNotContain("restart");
        assertThat(line(text, "Elasticsearch")).contains("unreachable (connection refused)");
        assertThat(line(text, "Dead letters")).contains("unknown (Kafka unreachable)");
        assertThat(line(text, "Last alert")).contains("unknown (Kafka unreachable)");
    }

    private static String line(String text, String start) {
        return text.lines().filter(line -> line.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError("no line " + start + " in\n" + text));
    }
}
