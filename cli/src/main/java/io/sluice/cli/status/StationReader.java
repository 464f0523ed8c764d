package io.sluice.cli.status;

import io.sluice.json.Json;
import io.sluice.topics.DeadLetterCode;
import io.sluice.metrics.LagMonitor;
import io.sluice.model.Alert;
import io.sluice.model.EventLabels;
import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.kafka.TopicOffsets;
import io.sluice.runtime.kafka.TopicTail;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link Station} from what is running: offsets and lags from the broker (twice, a sample
 * apart, for rates and trends — so a stopped stage still shows its lag growing), each service's
 * actuator health, Elasticsearch's cluster health, the dead-letter topic and the newest alert in
 * {@code alerts.v1}. What cannot be reached is reported as such, never guessed.
 */
public final class StationReader {

    /** At most this many records per partition of the dead-letter topic are counted. */
    static final int DEAD_LETTERS_COUNTED = 100_000;
    private static final int ALERTS_READ = 200;
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaAccess kafka;
    private final ElasticsearchAccess elasticsearch;
    private final HttpClient elasticsearchHttp;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public StationReader(KafkaAccess kafka, ElasticsearchAccess elasticsearch) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.elasticsearchHttp = elasticsearch.httpClient();
    }

    /**
     * One stage to read. {@code consumers} are the groups (each on its topic) whose lag it shows, the
     * first one's committed offsets giving its rate; without consumers the rate is what was published
     * to {@code publishedTopic}.
     */
    public record StageSpec(String name, String healthUrl, String publishedTopic, List<Consumer> consumers) {
    }

    public record Consumer(String group, String topic) {
    }

    /** A broker the platform runs: its node id and client address. */
    public record ExpectedBroker(int id, String address) {
    }

    /** What the platform runs: its brokers, and its service instances' names by the Kafka client id each instance's clients start with. */
    public record Expected(List<ExpectedBroker> brokers, Map<String, String> instancesByClientId) {
    }

    public Station read(List<StageSpec> stages, Map<String, Station.Supervised> supervised, Duration sample) {
        return read(stages, supervised, sample, new Expected(List.of(), Map.of()));
    }

    public Station read(List<StageSpec> stages, Map<String, Station.Supervised> supervised, Duration sample, Expected expected) {
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Station.Stage> read;
        boolean kafkaReachable;
        Station.KafkaHealth kafkaHealth;
        try (Admin admin = Admin.create(kafka.with(Map.<String, Object>of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis())))) {
            kafkaReachable = answers(admin);
            Map<String, Figures> before = kafkaReachable ? figures(admin, stages) : Map.of();
            if (kafkaReachable) {
                sleep(sample);
            }
            Map<String, Figures> after = kafkaReachable ? figures(admin, stages) : Map.of();
            read = stages.stream().map(spec -> {
                Station.Stage stage = stage(spec, before, after, sample, supervised.get(spec.name()));
                return kafkaReachable ? withInstances(admin, stage, spec, expected) : stage;
            }).toList();
            kafkaHealth = kafkaReachable ? cluster(admin, expected, supervised.get("kafka"))
                    : new Station.KafkaHealth(kafka.bootstrapServers(), false, supervised.get("kafka"));
        }
        return new Station(at, sample, read, kafkaHealth,
                elasticsearchHealth(supervised.get("elasticsearch")), kafkaReachable ? deadLetters() : null,
                kafkaReachable ? lastAlert() : null);
    }

    private Station.Stage stage(StageSpec spec, Map<String, Figures> before, Map<String, Figures> after, Duration sample,
            Station.Supervised supervised) {
        Figures first = before.get(spec.name());
        Figures last = after.get(spec.name());
        Double perSecond = null;
        List<Station.Lag> lags = new ArrayList<>();
        if (first != null && last != null) {
            perSecond = (last.position() - first.position()) * 1000.0 / Math.max(1, sample.toMillis());
            for (Consumer consumer : spec.consumers()) {
                lags.add(new Station.Lag(consumer.group(), consumer.topic(), first.lags().get(consumer.group()),
                        last.lags().get(consumer.group())));
            }
        }
        Health health = health(spec.healthUrl());
        return new Station.Stage(spec.name(), health.status(), perSecond, lags, supervised, health.problems());
    }

    /** The brokers, then the partitions' replication: each read on its own, so one refused does not hide the other. */
    private Station.KafkaHealth cluster(Admin admin, Expected expected, Station.Supervised supervised) {
        List<Station.Broker> brokers = List.of();
        KafkaClusterReader.Replication replication = null;
        try {
            brokers = KafkaClusterReader.brokers(admin, expected.brokers());
            replication = KafkaClusterReader.replication(admin, Topics.ALL.stream()
                    .map(io.sluice.topics.Topic::name).filter(name -> !name.equals(Topics.CATALOG.name())).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // what was read is shown; the rest stays unknown
        }
        return new Station.KafkaHealth(kafka.bootstrapServers(), true, supervised, brokers,
                replication == null ? null : replication.underReplicated(), replication == null ? null : replication.belowMinInsync());
    }

    /** The stage's instances and the partitions each holds, from its first consumer group; as it was when that cannot be read. */
    private static Station.Stage withInstances(Admin admin, Station.Stage stage, StageSpec spec, Expected expected) {
        if (spec.consumers().isEmpty()) {
            return stage;
        }
        try {
            return new Station.Stage(stage.name(), stage.health(), stage.perSecond(), stage.lags(), stage.supervised(), stage.problems(),
                    KafkaClusterReader.instances(admin, spec.consumers().get(0).group(), expected.instancesByClientId()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stage;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return stage;
        }
    }

    /** A stage's position (committed offset of its first group, or the topic's end) and its groups' lags; absent when Kafka did not answer. */
    private record Figures(long position, Map<String, Long> lags) {
    }

    private static boolean answers(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(KAFKA_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, Figures> figures(Admin admin, List<StageSpec> stages) {
        Map<String, Figures> figures = new HashMap<>();
        for (StageSpec stage : stages) {
            try {
                Map<String, Long> lags = new HashMap<>();
                long position = stage.consumers().isEmpty() ? TopicOffsets.latestSum(admin, stage.publishedTopic()) : 0;
                for (Consumer consumer : stage.consumers()) {
                    LagMonitor.Reading reading = LagMonitor.read(admin, consumer.group(), consumer.topic());
                    lags.put(consumer.group(), reading.lag());
                    if (consumer == stage.consumers().get(0)) {
                        position = reading.committed();
                    }
                }
                figures.put(stage.name(), new Figures(position, lags));
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                // Kafka unreachable or the topic missing: the stage shows no rate and no lag
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return figures;
    }

    /** A service's health: its status, and every {@code problem} its health components state in words. */
    private record Health(String status, List<String> problems) {
    }

    private Health health(String url) {
        try {
            JsonNode answer = getJson(http, HttpRequest.newBuilder(URI.create(url)));
            List<String> problems = new ArrayList<>();
            collectProblems(answer.path("components"), problems);
            return new Health(answer.path("status").asString("unknown"), problems);
        } catch (IOException e) {
            return new Health("unreachable", List.of());
        }
    }

    static void collectProblems(JsonNode components, List<String> problems) {
        for (Map.Entry<String, JsonNode> component : components.properties()) {
            JsonNode problem = component.getValue().path("details").path("problem");
            if (problem.isString()) {
                problems.add(problem.asString());
            }
            collectProblems(component.getValue().path("components"), problems);
        }
    }

    private Station.ElasticsearchHealth elasticsearchHealth(Station.Supervised supervised) {
        try {
            JsonNode health = getJson(elasticsearchHttp, elasticsearch.request("/_cluster/health"));
            JsonNode count = getJson(elasticsearchHttp, elasticsearch.request("/logs-*/_count?ignore_unavailable=true&allow_no_indices=true"));
            return new Station.ElasticsearchHealth(elasticsearch.url(), health.path("status").asString("unknown"),
                    health.path("number_of_nodes").asInt(), count.path("count").asLong(), null, supervised,
                    health.path("unassigned_shards").asInt(), untimedServices());
        } catch (IOException e) {
            return new Station.ElasticsearchHealth(elasticsearch.url(), "unreachable", 0, 0,
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), supervised);
        }
    }

    /** Services whose events of the last hour had no readable time (stamped with their reception), with how many. */
    private Map<String, Long> untimedServices() {
        String query = "{\"size\":0,\"query\":{\"bool\":{\"filter\":[{\"term\":{\"labels." + EventLabels.TIME_SOURCE + "\":\"received\"}},"
                + "{\"range\":{\"@timestamp\":{\"gte\":\"now-1h\"}}}]}},\"aggs\":{\"services\":{\"terms\":{\"field\":\"service.name\","
                + "\"size\":10}}}}";
        Map<String, Long> services = new LinkedHashMap<>();
        try {
            JsonNode answer = getJson(elasticsearchHttp, elasticsearch.request("/logs-*/_search?ignore_unavailable=true&allow_no_indices=true"
                    + "&source_content_type=application/json&source=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
            answer.path("aggregations").path("services").path("buckets")
                    .forEach(bucket -> services.put(bucket.path("key").asString(), bucket.path("doc_count").asLong()));
        } catch (IOException e) {
            // health and counts came through; this list is a hint, not worth failing the report for
        }
        return services;
    }

    private Station.DeadLetters deadLetters() {
        List<ConsumerRecord<String, byte[]>> records;
        try {
            records = TopicTail.newest(kafka, Topics.DLQ.name(), DEAD_LETTERS_COUNTED, KAFKA_TIMEOUT);
        } catch (RuntimeException e) {
            return null;
        }
        Map<String, Long> byReason = new TreeMap<>();
        Map<Integer, Integer> perPartition = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String stage = SluiceHeaders.text(record.headers(), SluiceHeaders.DLQ_STAGE);
            String reason = DeadLetterCode.labelOf(record.headers());
            byReason.merge((stage == null ? "unknown" : stage) + " " + reason, 1L, Long::sum);
            perPartition.merge(record.partition(), 1, Integer::sum);
        }
        boolean partial = perPartition.values().stream().anyMatch(count -> count >= DEAD_LETTERS_COUNTED);
        return new Station.DeadLetters(records.size(), byReason, partial);
    }

    private Station.LastAlert lastAlert() {
        List<Alert> alerts = new ArrayList<>();
        try {
            for (ConsumerRecord<String, byte[]> record : TopicTail.newest(kafka, Topics.ALERTS.name(), ALERTS_READ, KAFKA_TIMEOUT)) {
                try {
                    Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
                    if (alert != null && alert.decidedAt() != null) {
                        alerts.add(alert);
                    }
                } catch (SerializationException e) {
                    // not ours to judge here: the indexer dead-letters it
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return alerts.stream().filter(alert -> !alert.isDeliveryReport()).max(Comparator.comparing(Alert::decidedAt))
                .map(decision -> new Station.LastAlert(decision.state().name(), decision.ruleName(), decision.group(),
                        decision.value(), decision.threshold(), decision.decidedAt(), alerts.stream()
                                .filter(report -> report.isDeliveryReport() && report.alertId().equals(decision.alertId()))
                                .map(report -> report.delivery().outcome().name()).findFirst().orElse("pending")))
                .orElse(null);
    }

    private static JsonNode getJson(HttpClient client, HttpRequest.Builder request) throws IOException {
        String url = request.build().uri().toString();
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (RuntimeException e) {
            throw new IOException("unreadable answer from " + url + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration sample) {
        try {
            Thread.sleep(sample.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
