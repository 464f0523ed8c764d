package io.sluice.alerting.slack;

import io.sluice.model.Alert;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Builds the Slack message of an alert: which service, how many errors against the threshold, the
 * window, a sample message (escaped, truncated, in a code block) and a Kibana Discover link.
 */
public final class AlertMessages {

    static final int SAMPLE_LIMIT = 1_500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private AlertMessages() {
    }

    public static SlackMessage of(Alert alert, String kibanaBase) {
        String service = SlackText.escape(alert.service());
        String summary = ":rotating_light: *" + service + "*: " + alert.count() + " errors between "
                + TIME.format(alert.windowStart()) + " and " + TIME.format(alert.windowEnd()) + " UTC (threshold "
                + alert.threshold() + ")";
        String sample = SlackText.escapeAndTruncate(alert.sampleMessage(), SAMPLE_LIMIT).replace("```", "'''");
        String link = KibanaLinks.discover(kibanaBase, alert.service(), alert.windowStart(), alert.windowEnd());
        List<Map<String, Object>> blocks = List.of(
                section(summary),
                section("First error in the window:\n```" + sample + "```"),
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                        "text", "<" + link + "|Open these logs in Kibana>  ·  rule `" + alert.ruleId() + "`"))));
        String text = alert.service() + ": " + alert.count() + " errors in one minute (threshold " + alert.threshold() + ")";
        return new SlackMessage(SlackText.escape(text), blocks);
    }

    private static Map<String, Object> section(String markdown) {
        return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", markdown));
    }
}
