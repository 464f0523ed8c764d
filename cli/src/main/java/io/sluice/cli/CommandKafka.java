package io.sluice.cli;

import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.runtime.kafka.LocalKafkaIdentities;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who a command is to Kafka. On the machine that runs the platform, the principal's own credentials from
 * the data folder of {@code --profile} (the operator reads; {@code ship} is the shipper; {@code catalog} is the
 * administrator, on its own listener). For a Kafka
 * elsewhere, {@code --kafka host:port} with {@code SLUICE_KAFKA_USERNAME}, {@code SLUICE_KAFKA_PASSWORD} and
 * {@code SLUICE_KAFKA_CA_FILE} in the environment — a password never goes on a command line.
 */
final class CommandKafka {

    private CommandKafka() {
    }

    static KafkaAccess as(CliArgs args, KafkaPrincipal principal) {
        return as(args, principal, System.getenv());
    }

    static KafkaAccess as(CliArgs args, KafkaPrincipal principal, Map<String, String> env) {
        RuntimeSettings settings = RuntimeSettings.of(args.profile(), env);
        String bootstrap = args.option("kafka", EndpointsFile.read(settings).map(EndpointsFile::kafkaBootstrap)
                .orElse(settings.kafkaBootstrap()));
        LocalKafkaIdentities local = new LocalKafkaIdentities(settings);
        String password = env.get("SLUICE_KAFKA_PASSWORD");
        if (password != null && !password.isBlank()) {
            return KafkaAccess.scram(bootstrap, env.getOrDefault("SLUICE_KAFKA_USERNAME", principal.username()), password,
                    Path.of(env.getOrDefault("SLUICE_KAFKA_CA_FILE", local.caCertificate().toString())));
        }
        if (principal == KafkaPrincipal.ADMIN && !args.options().containsKey("kafka")) {
            return local.as(principal); // the administrator has a listener of its own (loopback, PLAIN over TLS)
        }
        return local.as(principal).withBootstrapServers(bootstrap);
    }
}
