package io.sluice.cli;

import io.sluice.json.Json;
import io.sluice.reconcile.HourTally;
import io.sluice.reconcile.RecordFate;
import io.sluice.reconcile.Reconciler;
import io.sluice.reconcile.Reconciliation;
import io.sluice.runtime.elasticsearch.ElasticsearchPrincipal;
import io.sluice.runtime.kafka.KafkaPrincipal;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./sluice verify [--since 24h] [--service S] [--settle 2m] [--json]}: did we lose anything? Every record
 * Kafka accepted on {@code logs.raw.v1} since then (up to {@code --settle} ago: younger ones may still be on their
 * way) is accounted for — indexed, dead-lettered or joined into the event before it — per service and hour;
 * the missing ones are named by offset. Exit code 0 only when every hour balances.
 */
final class VerifyCommand {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final CliArgs args;
    private final PrintStream out;

    VerifyCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() {
        Instant now = Instant.now();
        Instant from = now.minus(LogQuery.parseSince(args.option("since", "24h")));
        Instant until = now.minus(LogQuery.parseSince(args.option("settle", "2m")));
        Reconciliation result = new Reconciler(CommandKafka.as(args, KafkaPrincipal.OPERATOR),
                CommandElasticsearch.as(args, ElasticsearchPrincipal.OPERATOR)).reconcile(from, until, args.options().get("service"));
        if (args.flag("json")) {
            out.println(Json.MAPPER.writeValueAsString(json(result)));
        } else {
            lines(result).forEach(out::println);
        }
        return result.balanced() ? 0 : 1;
    }

    static List<String> lines(Reconciliation result) {
        List<String> lines = new ArrayList<>();
        int width = Math.max(7, result.hours().stream().mapToInt(hour -> hour.service().length()).max().orElse(7));
        lines.add(String.format("%-17s  %-" + width + "s  %9s  %9s  %13s  %7s  %7s", "HOUR (UTC)", "SERVICE", "ACCEPTED",
                "INDEXED", "DEAD-LETTERED", "JOINED", "MISSING"));
        for (HourTally hour : result.hours()) {
            lines.add(String.format("%-17s  %-" + width + "s  %9d  %9d  %13d  %7d  %7d", HOUR.format(hour.hour()),
                    io.sluice.cli.TerminalText.escape(hour.service()), hour.accepted(), hour.count(RecordFate.INDEXED),
                    hour.count(RecordFate.DEAD_LETTERED), hour.count(RecordFate.JOINED), hour.count(RecordFate.MISSING)));
        }
        String window = "from " + HOUR.format(result.from()) + " to " + HOUR.format(result.until());
        if (result.balanced()) {
            lines.add("balanced: " + result.accepted() + " records accepted " + window + ", every one indexed ("
                    + result.total(RecordFate.INDEXED) + "), dead-lettered (" + result.total(RecordFate.DEAD_LETTERED)
                    + ") or joined into the event before it (" + result.total(RecordFate.JOINED) + ")");
        } else {
            lines.add("NOT balanced: " + result.total(RecordFate.MISSING) + " of " + result.accepted() + " records accepted " + window
                    + " are neither indexed nor dead-lettered");
            for (HourTally hour : result.hours()) {
                if (!hour.balanced()) {
                    lines.add("  " + io.sluice.cli.TerminalText.escape(hour.service()) + " " + HOUR.format(hour.hour()) + ": "
                            + String.join(", ", hour.missingSample()) + (hour.count(RecordFate.MISSING) > hour.missingSample().size()
                                    ? ", …" : ""));
                }
            }
        }
        return lines;
    }

    private static Map<String, Object> json(Reconciliation result) {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (HourTally hour : result.hours()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("hour", hour.hour().toString());
            one.put("service", hour.service());
            one.put("accepted", hour.accepted());
            for (RecordFate fate : RecordFate.values()) {
                one.put(fate.name().toLowerCase(java.util.Locale.ROOT), hour.count(fate));
            }
            one.put("missing_sample", hour.missingSample());
            hours.add(one);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", result.from().toString());
        json.put("until", result.until().toString());
        json.put("balanced", result.balanced());
        json.put("accepted", result.accepted());
        json.put("missing", result.total(RecordFate.MISSING));
        json.put("hours", hours);
        return json;
    }
}
