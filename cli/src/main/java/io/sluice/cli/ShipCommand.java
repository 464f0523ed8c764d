package io.sluice.cli;

import io.sluice.kafka.KafkaAccess;
import io.sluice.model.EventIds;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.runtime.Profile;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.shipper.FileShipper;
import io.sluice.shipper.ShipperSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./sluice ship '/var/log/app/*.log*' --service x [--profile test] [--kafka host:port] [--state file]
 * [--multiline REGEX] [--host name]}: tails files straight into Kafka until Ctrl-C, which ships
 * what is pending and saves the checkpoints.
 */
final class ShipCommand {

    private final CliArgs args;

    ShipCommand(CliArgs args) {
        this.args = args;
    }

    int run() {
        if (args.positional().size() != 1 || !args.options().containsKey("service")) {
            throw new CliArgs.UsageException("usage: ./sluice ship 'GLOB' --service NAME [--kafka host:port]"
                    + " [--state FILE] [--multiline REGEX] [--host NAME]");
        }
        String glob = args.positional().get(0);
        String service = args.options().get("service");
        RuntimeSettings local = RuntimeSettings.of(Profile.LOCAL, System.getenv());
        Path state = Path.of(args.option("state", local.home().resolve(".sluice").resolve("shipper")
                .resolve(EventIds.nameBased(glob + "|" + service) + ".json").toString()));
        KafkaAccess kafka = CommandKafka.as(args, KafkaPrincipal.SHIPPER);
        ShipperSettings settings = new ShipperSettings(glob, service, args.option("host", hostname()),
                kafka.bootstrapServers(), state, continuation(), Duration.ofMillis(250), Duration.ofSeconds(1));
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")), new StringSerializer(), new ByteArraySerializer());
        FileShipper shipper = new FileShipper(settings, producer);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shipper.close();
            Awaiting.forever(stopped);
        }, "sluice-ship-stop"));
        System.err.println("shipping " + glob + " as " + service + " to " + kafka
                + " (checkpoints in " + state + "); Ctrl-C stops");
        try {
            shipper.run();
            shipper.pollOnce(true);
        } catch (java.io.IOException e) {
            System.err.println("final flush failed, the checkpoints keep what is unshipped: " + e.getMessage());
        } finally {
            producer.close();
            stopped.countDown();
        }
        return 0;
    }

    private Pattern continuation() {
        String regex = args.options().get("multiline");
        try {
            return regex == null ? null : Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CliArgs.UsageException("--multiline is not a valid regular expression: " + e.getDescription());
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
