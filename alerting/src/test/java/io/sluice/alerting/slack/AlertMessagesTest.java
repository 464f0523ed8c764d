package io.sluice.alerting.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import io.sluice.model.Alert;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AlertMessagesTest {

    private static final Instant START = Instant.parse("2026-11-22T10:15:00Z");

    private static Alert alert(String service, String sample) {
        return new Alert("error-threshold-v1", service, 12, 10, START, START.plusSeconds(60), sample);
    }

    @Test
    void shouldNameServiceCountWindowSampleAndLink() {
        JsonNode json = Json.MAPPER.valueToTree(AlertMessages.of(alert("checkout", "payment timeout"), "https://kibana.example.com/"));
        String all = json.toString();

        assertThat(json.get("text").asString()).isEqualTo("checkout: 12 errors in one minute (threshold 10)");
        assertThat(all).contains("*checkout*: 12 errors between 10:15:00 and 10:16:00 UTC (threshold 10)",
                "payment timeout", "<https://kibana.example.com/app/discover#/?_g=", "|Open these logs in Kibana>");
    }

    @Test
    void shouldEscapeMentionsAndTruncateAHugeMessageKeepingTheLink() {
        String hostile = "<!channel> <@U123> <http://evil|click> & " + "x".repeat(10_000);

        SlackMessage message = AlertMessages.of(alert("<!here>", hostile), "http://localhost:5601");
        String sample = (String) ((java.util.Map<?, ?>) message.blocks().get(1).get("text")).get("text");
        String context = Json.MAPPER.valueToTree(message.blocks().get(2)).toString();

        assertThat(Json.MAPPER.writeValueAsString(message)).doesNotContain("<!channel>", "<@U123>", "<!here>", "<http://evil");
        assertThat(sample).contains("&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|click&gt; &amp;")
                .endsWith("… (truncated)```")
                .hasSizeLessThan(3_000);
        assertThat(message.text()).startsWith("&lt;!here&gt;: 12 errors");
        assertThat(context).contains("<http://localhost:5601/app/discover#/?_g=", "|Open these logs in Kibana>");
    }

    @Test
    void truncationShouldNeverCutAnEscapeSequence() {
        String cut = SlackText.escapeAndTruncate("a".repeat(20) + "<<<<<<<<", 30);

        assertThat(cut).endsWith(" … (truncated)").doesNotContain("&l …", "&lt …");
    }
}
