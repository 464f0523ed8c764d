package io.sluice.cli;

import io.sluice.json.Json;
import io.sluice.kafka.KafkaAccess;
import io.sluice.model.CatalogEntry;
import io.sluice.model.ServiceSchema;
import io.sluice.runtime.elasticsearch.TeamAccess;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.topics.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;

/**
 * {@code ./sluice catalog set SERVICE --file entry.json | show [SERVICE] | remove SERVICE}: the service catalog
 * ({@code services.catalog.v1}, compacted), written as the platform's administrator. An entry says who owns the
 * service, where its correlation ids are, its typed fields and its contract; it is checked before it is published
 * (an unknown key or type is refused with every problem named), and the processor applies it without a restart.
 */
final class CatalogCommand {

    private final CliArgs args;
    private final PrintStream out;

    CatalogCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() {
        String action = args.positional().isEmpty() ? "show" : args.positional().get(0);
        String service = args.positional().size() > 1 ? args.positional().get(1) : null;
        KafkaAccess kafka = CommandKafka.as(args, KafkaPrincipal.ADMIN);
        switch (action) {
            case "set" -> {
                CatalogEntry entry = read(Path.of(required(args.option("file", null), "--file entry.json")));
                publish(kafka, required(service, "a service: catalog set SERVICE --file entry.json"), entry);
                ServiceSchema schema = ServiceSchema.of(entry);
                out.println("catalog entry of " + service + " published: " + schema.fields().size() + " typed fields, "
                        + schema.required().size() + " required, enforce " + schema.enforce().name().toLowerCase().replace('_', '-')
                        + ", trace ids from " + (entry.traceIdFields().isEmpty() ? "trace.id only" : entry.traceIdFields()));
            }
            case "remove" -> {
                publish(kafka, required(service, "a service: catalog remove SERVICE"), null);
                out.println("catalog entry of " + service + " removed");
            }
            case "show" -> new java.util.TreeMap<>(TeamAccess.catalog(kafka)).forEach((name, entry) -> {
                if (service == null || service.equals(name)) {
                    out.println(name + " " + entry);
                }
            });
            default -> throw new CliArgs.UsageException("catalog set SERVICE --file entry.json | show [SERVICE] | remove SERVICE");
        }
        return 0;
    }

    /** The entry in the file, refused with every problem when a key, a type or a value is wrong. */
    static CatalogEntry read(Path file) {
        CatalogEntry entry;
        try {
            entry = Json.MAPPER.readerFor(CatalogEntry.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (JacksonException e) {
            throw new CliArgs.UsageException(file + " is not a catalog entry: " + e.getOriginalMessage());
        }
        ServiceSchema schema = ServiceSchema.of(entry);
        if (!schema.problems().isEmpty()) {
            throw new CliArgs.UsageException(file + ": " + String.join("; ", schema.problems()));
        }
        return entry;
    }

    private static void publish(KafkaAccess kafka, String service, CatalogEntry entry) {
        try (KafkaProducer<String, CatalogEntry> producer = new KafkaProducer<>(kafka.properties(),
                Topics.CATALOG.keySerde().serializer(), Topics.CATALOG.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.CATALOG.name(), service, entry)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the catalog entry: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new CliArgs.UsageException("needs " + what);
        }
        return value;
    }
}
