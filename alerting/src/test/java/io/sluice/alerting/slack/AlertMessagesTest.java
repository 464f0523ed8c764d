package io.sluice.alerting.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import io.sluice.model.Alert;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AlertMessagesTest {

    private static final Instant START = Instant.parse("2026-11-22T10:15:00Z");
    private final AlertMessages messages = new AlertMessages("https://kibana.example.com");

    static Alert alert(String group, Alert.State state, List<String> samples) {
        return new Alert("checkout-errors/" + group + "@1#1", "checkout-errors/" + group, state, "checkout-errors", "threshold",
                "Checkout errors", "service.name", group, group, "payments", 12, 10, START, START.plusSeconds(60), samples, null,
                "log.level:(\"ERROR\" or \"FATAL\") and service.name:\"" + group + "\"", "https://runbooks.example.com/checkout",
                null, 1, START, START.plusSeconds(5), null);
    }

    private static JsonNode json(WebhookPayload payload) {
        return Json.MAPPER.readTree(payload.toJson());
    }

    @Test
    void shouldSayWhatFiredWhereHowMuchWithSamplesKibanaAndRunbook() {
        JsonNode message = json(messages.single(alert("checkout", Alert.State.FIRING, List.of("card declined"))));

        JsonNode blocks = message.path("blocks");
        assertThat(blocks.get(0).path("type").asString()).isEqualTo("section");
        assertThat(blocks.get(0).path("text").path("type").asString()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).path("text").path("text").asString()).isEqualTo(
                ":rotating_light: *FIRING* Checkout errors — *checkout* (team payments)\n12 events, 10:15:00–10:16:00 UTC (threshold 10)");
        assertThat(blocks.get(1).path("text").path("text").asString()).isEqualTo("Sample:\n```card declined```");
        String context = blocks.get(2).path("elements").get(0).path("text").asString();
        assertThat(blocks.get(2).path("type").asString()).isEqualTo("context");
        assertThat(context).startsWith("<https://kibana.example.com/app/discover#/?_g=").contains("|Open these logs in Kibana>",
                "<https://runbooks.example.com/checkout|Runbook>", "rule `checkout-errors`");
        assertThat(message.path("text").asString()).isEqualTo("firing: Checkout errors — checkout");
    }

    @Test
    void shouldEscapeAndTruncateHostileLogTextAndKeepTheKibanaLinkIntact() {
        String hostile = "<!channel> <@U024BE7LH> <https://evil.example.com|click me> & " + "x".repeat(10_000);

        WebhookPayload payload = messages.single(alert("check<!here>out", Alert.State.FIRING, List.of(hostile)));
        JsonNode message = json(payload);

        assertThat(payload.toJson()).doesNotContain("<!channel>", "<!here>", "<@U024BE7LH>", "<https://evil.example.com");
        for (JsonNode block : message.path("blocks")) {
            String text = block.has("text") ? block.path("text").path("text").asString() : block.path("elements").get(0).path("text").asString();
            assertThat(text.length()).isLessThanOrEqualTo(WebhookPayload.MAX_SECTION_TEXT);
        }
        String samples = message.path("blocks").get(1).path("text").path("text").asString();
        assertThat(samples).contains("&lt;!channel&gt; &lt;@U024BE7LH&gt; &lt;https://evil.example.com|click me&gt; &amp; xxx")
                .endsWith("… (truncated)```");
        String context = message.path("blocks").get(2).path("elements").get(0).path("text").asString();
        String link = context.substring(1, context.indexOf('|'));
        assertThat(link).doesNotContain(" ", "<", ">", "|");
        assertThat(URLDecoder.decode(link, StandardCharsets.UTF_8)).contains("service.name:\"check<!!here>out\"", // rison: ! doubled
                "from:'2026-11-22T10:15:00Z',to:'2026-11-22T10:16:00Z'");
        assertThat(message.path("blocks").get(0).path("text").path("text").asString()).contains("*check&lt;!here&gt;out*");
    }

    @Test
    void shouldDigestManyAlertsIntoOneMessageWithinSlacksLimits() {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < AlertMessages.DIGEST_SIZE; i++) {
            alerts.add(alert("service-" + i, i % 2 == 0 ? Alert.State.FIRING : Alert.State.RESOLVED, List.of("boom")));
        }

        JsonNode message = json(messages.digest(alerts));

        assertThat(message.path("blocks").size()).isEqualTo(1 + 2 * AlertMessages.DIGEST_SIZE).isLessThanOrEqualTo(WebhookPayload.MAX_BLOCKS);
        assertThat(message.path("blocks").get(0).path("text").path("text").asString())
                .isEqualTo(":bell: *20 alerts at once* (10 firing, 10 resolved)");
        for (int i = 0; i < AlertMessages.DIGEST_SIZE; i++) {
            assertThat(message.path("blocks").get(1 + 2 * i).path("text").path("text").asString()).contains("*service-" + i + "*");
        }
    }

    @Test
    void shouldTellResolvedAndReminders() {
        assertThat(json(messages.single(alert("checkout", Alert.State.RESOLVED, List.of("x")))).path("blocks").get(0)
                .path("text").path("text").asString()).startsWith(":white_check_mark: *RESOLVED* Checkout errors");
        assertThat(json(messages.single(alert("checkout", Alert.State.RESOLVED, List.of("x")))).path("blocks").size())
                .as("no samples on a resolved message").isEqualTo(2);
    }
}
