package io.sluice.cli;

import io.sluice.kafka.KafkaAccess;
import io.sluice.runtime.kafka.KafkaPrincipal;
import io.sluice.runtime.kafka.TopicRecords;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** {@code ./sluice dlq [--limit 20]}: the newest dead-lettered records, each with its stage, reason and origin. */
final class DeadLettersCommand {

    private final CliArgs args;
    private final PrintStream out;

    DeadLettersCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() {
        int limit = Integer.parseInt(args.option("limit", "20"));
        KafkaAccess kafka = CommandKafka.as(args, KafkaPrincipal.OPERATOR);
        List<ConsumerRecord<String, byte[]>> all = TopicRecords.read(kafka, Topics.DLQ.name(), record -> true,
                Integer.MAX_VALUE, Duration.ofSeconds(3));
        List<ConsumerRecord<String, byte[]>> newest = all.subList(Math.max(0, all.size() - limit), all.size());
        for (ConsumerRecord<String, byte[]> record : newest) {
            out.println(format(record));
        }
        System.err.println(all.size() + (all.size() == 1 ? " record in " : " records in ") + Topics.DLQ.name() + (all.size() > limit ? ", newest " + limit + " shown" : ""));
        return 0;
    }

    /** A dead letter in two lines: when, where from and why; then the start of the record. All of it escaped for the terminal. */
    static String format(ConsumerRecord<String, byte[]> record) {
        return String.format("%s  %s  %s-%s@%s  %s%n    %s", Instant.ofEpochMilli(record.timestamp()),
                header(record, SluiceHeaders.DLQ_STAGE), header(record, SluiceHeaders.DLQ_TOPIC),
                header(record, SluiceHeaders.DLQ_PARTITION), header(record, SluiceHeaders.DLQ_OFFSET),
                header(record, SluiceHeaders.DLQ_REASON), preview(record.value()));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return TerminalText.escape(SluiceHeaders.text(record.headers(), name));
    }

    private static String preview(byte[] value) {
        String text = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        return TerminalText.escape(text.length() > 300 ? text.substring(0, 300) + " …" : text);
    }
}
