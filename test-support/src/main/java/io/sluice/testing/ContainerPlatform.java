package io.sluice.testing;

import io.sluice.index.IndexTemplate;
import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.Connections;
import io.sluice.runtime.elasticsearch.ElasticsearchIdentities;
import io.sluice.runtime.kafka.KafkaIdentities;
import io.sluice.topics.TopicInstaller;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same platform in Docker containers, used where a Docker engine is available. Its broker is the image's
 * plaintext one and its Elasticsearch has
 * security off: tests of authentication and ACLs need the local platform.
 */
final class ContainerPlatform implements TestPlatform {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:9.2.8";

    private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    private final ElasticsearchContainer elasticsearch = new ElasticsearchContainer(ELASTICSEARCH_IMAGE)
            .withEnv("xpack.security.enabled", "false")
            .withEnv("ES_JAVA_OPTS", "-Xms1g -Xmx1g");

    ContainerPlatform() {
        kafka.start();
        elasticsearch.start();
        new TopicInstaller(KafkaAccess.plaintext(kafka.getBootstrapServers()), 3).install();
        IndexTemplate.installAll(connections().elasticsearch().admin());
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public Connections connections() {
        return new Connections(KafkaIdentities.plaintext(kafka.getBootstrapServers()),
                ElasticsearchIdentities.open("http://" + elasticsearch.getHttpHostAddress()),
                // the ingest service's certificate and tokens are files of the test profile's data folder wherever Kafka runs
                io.sluice.runtime.ingest.IngestIdentities.of(io.sluice.runtime.RuntimeSettings.of(io.sluice.runtime.Profile.TEST, System.getenv())));
    }

    @Override
    public void close() {
        elasticsearch.stop();
        kafka.stop();
    }
}
