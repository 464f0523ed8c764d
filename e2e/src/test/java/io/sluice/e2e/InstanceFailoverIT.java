package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.process.ChildProcess;
import io.sluice.runtime.services.Service;
import io.sluice.runtime.services.ServiceLauncher;
import io.sluice.testing.SluiceIntegrationTest;
import io.sluice.testing.TestPlatform;
import io.sluice.tokens.IngestAccess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two indexer instances share the work of {@code logs.enriched.v1}; one is killed with SIGKILL while events flow, and the
 * other takes its partitions within the consumer session timeout: every acknowledged event is indexed exactly once (the
 * event id is the document id), none is lost.
 */
@SluiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceFailoverIT {

    private final List<ChildProcess> services = new ArrayList<>();

    @AfterAll
    void stopServices() {
        services.forEach(ChildProcess::close);
    }

    @Test
    void shouldMoveAKilledIndexersPartitionsToTheOtherAndIndexEveryEventOnce(TestPlatform platform) throws Exception {
        ServiceLauncher launcher = new ServiceLauncher(RuntimeSettings.of(Profile.TEST, System.getenv()), platform.connections());
        ChildProcess second = start(launcher, Service.INDEXER, 2);
        start(launcher, Service.INDEXER, 1);
        start(launcher, Service.STREAM_PROCESSOR, 1);
        start(launcher, Service.INGEST, 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> partitionsByInstance(platform).keySet().containsAll(Set.of("indexer", "indexer-2")));

        String service = "failover-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread sender = new Thread(() -> send(platform.connections().ingest().operator(), service, sending, acknowledged), "failover-sender");
        sender.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 2_000);

        ProcessHandle.of(second.pid()).ifPresent(ProcessHandle::destroyForcibly);
        long killed = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, Integer> owners = partitionsByInstance(platform);
            return owners.keySet().equals(Set.of("indexer")) && owners.get("indexer") == 3;
        });
        long takeover = (System.nanoTime() - killed) / 1_000_000;
        Thread.sleep(3_000);
        sending.set(false);
        sender.join(30_000);

        Elasticsearch elasticsearch = new Elasticsearch(platform.elasticsearch());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> elasticsearch.get("/logs-" + service
                + "-*/_count?ignore_unavailable=true&allow_no_indices=true").path("count").asLong() >= acknowledged.size());
        long indexed = elasticsearch.get("/logs-" + service + "-*/_count").path("count").asLong();
        System.out.printf("[failover] indexer-2 killed: indexer held all 3 partitions %d ms later; %d events acknowledged, %d indexed%n",
                takeover, acknowledged.size(), indexed);
        assertThat(indexed).as("each acknowledged event once (its id is the document id)").isEqualTo(acknowledged.size());
    }

    private ChildProcess start(ServiceLauncher launcher, Service service, int instance) {
        ChildProcess child = launcher.launch(service, instance, Map.of(), List.of());
        services.add(child);
        launcher.awaitHealthy(service, instance, child);
        return child;
    }

    /** Partitions of logs.enriched.v1 each indexer instance holds in the group sluice-indexer. */
    private static Map<String, Integer> partitionsByInstance(TestPlatform platform) throws Exception {
        try (Admin admin = Admin.create(platform.kafka().properties())) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("sluice-indexer")).all().get(10, TimeUnit.SECONDS)
                    .get("sluice-indexer");
            Map<String, Integer> owners = new java.util.TreeMap<>();
            group.members().forEach(member -> {
                String instance = member.clientId().startsWith(Service.INDEXER.kafkaClientId(2)) ? "indexer-2"
                        : member.clientId().startsWith(Service.INDEXER.kafkaClientId(1)) ? "indexer" : member.clientId();
                long held = member.assignment().topicPartitions().stream().filter(p -> p.topic().equals("logs.enriched.v1")).count();
                if (held > 0) {
                    owners.merge(instance, (int) held, Integer::sum);
                }
            });
            return owners;
        }
    }

    private static void send(IngestAccess ingest, String service, AtomicBoolean sending, Set<String> acknowledged) {
        var http = ingest.httpClient();
        for (int request = 0; sending.get(); request++) {
            List<String> ids = new ArrayList<>();
            StringBuilder body = new StringBuilder();
            for (int line = 0; line < 100; line++) {
                String id = service + "-" + request + "-" + line;
                ids.add(id);
                body.append("{\"event.id\":\"").append(id).append("\",\"message\":\"failover line ").append(line).append("\"}\n");
            }
            try {
                HttpResponse<String> response = http.send(ingest.request("/api/v1/logs?service=" + service)
                        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    acknowledged.addAll(ids);
                }
                Thread.sleep(20);
            } catch (java.io.IOException e) {
                // not acknowledged: not counted
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
