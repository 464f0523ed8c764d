package io.sluice.cli;

import io.sluice.runtime.Profile;
import io.sluice.runtime.services.Service;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.services.ReplayCredential;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code ./sluice replay --from T --to T [--service S]}: asks the running indexer to re-index that range
 * of {@code logs.enriched.v1} (times are ISO-8601 instants, or durations back from now such as {@code 2h})
 * and prints its report. Documents already in Elasticsearch are counted, never written twice.
 */
final class ReplayCommand {

    private final CliArgs args;
    private final PrintStream out;

    ReplayCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() throws IOException, InterruptedException {
        String from = args.option("from", null);
        if (from == null) {
            throw new CliArgs.UsageException("usage: ./sluice replay --from T [--to T] [--service S]"
                    + "  (T: 2026-11-22T10:00:00Z, or 2h for two hours ago; --to defaults to now)");
        }
        StringBuilder query = new StringBuilder("from=").append(instant(from)).append("&to=")
                .append(instant(args.option("to", "0s")));
        String service = args.option("service", null);
        if (service != null) {
            query.append("&service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
        }
        RuntimeSettings settings = RuntimeSettings.of(args.profile(), System.getenv());
        URI uri = URI.create(Service.INDEXER.url(settings.profile()) + "/api/v1/replay?" + query);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Authorization", new ReplayCredential(settings).authorization())
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofHours(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the indexer answered " + response.statusCode() + ": " + response.body().strip());
        }
        out.println(response.body());
        return 0;
    }

    /** An ISO-8601 instant as given, or a duration ago ("90m", "2h", "7d"), read like {@code search --since}. */
    static Instant instant(String text) {
        if (!text.isEmpty() && Character.isDigit(text.charAt(0)) && !text.contains("T")) {
            return Instant.now().minus(LogQuery.parseSince(text));
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CliArgs.UsageException("'" + text + "' is neither an instant (2026-11-22T10:00:00Z) nor a duration ago (2h)");
        }
    }
}
