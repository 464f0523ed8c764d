package io.sluice.bench;

import io.sluice.kafka.KafkaAccess;
import io.sluice.json.Json;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import tools.jackson.databind.node.ObjectNode;

/**
 * The baseline of {@code ./sluice bench processor}: the least a Streams log processor can do — parse
 * each JSON line and add three fields — with the same guarantees and commit interval as Sluice's
 * processor ({@code exactly_once_v2}, 100 ms). Run as its own process so its CPU time can be measured.
 */
public final class MinimalStreamsApp {

    private MinimalStreamsApp() {
    }

    /** Arguments: bootstrap servers, input topic, output topic, application id, state directory; credentials in the environment. */
    public static void main(String[] args) throws InterruptedException {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(args[1], Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(MinimalStreamsApp::enrich)
                .to(args[2], Produced.with(Serdes.String(), Serdes.ByteArray()));
        Properties config = new Properties();
        config.putAll(KafkaAccess.fromEnvironment(args[0], System.getenv()).properties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, args[3]);
        config.put(StreamsConfig.STATE_DIR_CONFIG, args[4]);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        KafkaStreams streams = new KafkaStreams(builder.build(), config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }));
        streams.start();
        stopped.await();
    }

    private static byte[] enrich(byte[] line) {
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(line);
        event.put("event.ingested", Instant.now().toString());
        event.put("event.id", UUID.randomUUID().toString());
        event.put("event.kind", "event");
        return Json.MAPPER.writeValueAsBytes(event);
    }
}
