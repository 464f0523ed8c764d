package io.sluice.alerting.slack;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.sluice.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds Slack messages for alerts: one alert in full, or a digest of several (when many fire
 * together, one message instead of a flood). Every text that comes from logs or events — service,
 * group, team, samples, fingerprint — is escaped ({@link SlackText}), so it cannot mention anyone or
 * disguise a link; sections stay under Slack's 3,000 characters and messages under 50 blocks. The
 * Kibana link is built from the alert's query and window, never from log text.
 */
public final class AlertMessages {

    /** Alerts listed in one digest message: two blocks each, plus the heading, stays under 50 blocks. */
    public static final int DIGEST_SIZE = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Duration ABSENCE_CONTEXT = Duration.ofMinutes(15);

    private final String kibanaBase;

    public AlertMessages(String kibanaBase) {
        this.kibanaBase = kibanaBase;
    }

    public WebhookPayload single(Alert alert) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(headline(alert) + "\n" + measurement(alert)));
        if (!alert.samples().isEmpty() && alert.state() != Alert.State.RESOLVED) {
            String samples = SlackText.escapeAndTruncate(String.join("\n", alert.samples()), WebhookPayload.MAX_SECTION_TEXT - 200)
                    .replace("```", "'''");
            blocks.add(section((alert.samples().size() == 1 ? "Sample:" : "Samples:") + "\n```" + samples + "```"));
        }
        if (alert.fingerprint() != null) {
            blocks.add(section("Error fingerprint `" + SlackText.escapeAndTruncate(alert.fingerprint(), 200) + "`"));
        }
        blocks.add(ContextBlock.builder().elements(List.<ContextBlockElement>of(
                markdown(links(alert)))).build());
        return new WebhookPayload(SlackText.escapeAndTruncate(plain(alert), 300), blocks);
    }

    public WebhookPayload digest(List<Alert> alerts) {
        if (alerts.size() > DIGEST_SIZE) {
            throw new IllegalArgumentException("a digest lists at most " + DIGEST_SIZE + " alerts");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        long firing = alerts.stream().filter(alert -> alert.state() != Alert.State.RESOLVED).count();
        blocks.add(section(":bell: *" + alerts.size() + " alerts at once* (" + firing + " firing, "
                + (alerts.size() - firing) + " resolved)"));
        for (Alert alert : alerts) {
            blocks.add(section(headline(alert) + "\n" + measurement(alert)));
            blocks.add(ContextBlock.builder().elements(List.<ContextBlockElement>of(
                    markdown(links(alert)))).build());
        }
        return new WebhookPayload(alerts.size() + " alerts: " + SlackText.escapeAndTruncate(
                String.join(", ", alerts.stream().map(AlertMessages::plain).toList()), 300), blocks);
    }

    private static String headline(Alert alert) {
        String icon = switch (alert.state()) {
            case FIRING -> ":rotating_light: *FIRING*";
            case REMINDER -> ":repeat: *STILL FIRING* (notification " + alert.notification() + ")";
            case RESOLVED -> ":white_check_mark: *RESOLVED*";
        };
        String where = "*" + SlackText.escapeAndTruncate(alert.group(), 200) + "*";
        if (alert.service() != null && !alert.service().equals(alert.group())) {
            where += " in *" + SlackText.escapeAndTruncate(alert.service(), 200) + "*";
        }
        if (alert.team() != null) {
            where += " (team " + SlackText.escapeAndTruncate(alert.team(), 100) + ")";
        }
        return icon + " " + SlackText.escapeAndTruncate(alert.ruleName(), 200) + " — " + where;
    }

    private static String measurement(Alert alert) {
        String window = TIME.format(alert.windowStart()) + "–" + TIME.format(alert.windowEnd()) + " UTC";
        return switch (alert.ruleType()) {
            case "ratio" -> String.format(Locale.ROOT, "%.1f %% of events were errors, %s (threshold %.1f %%)",
                    alert.value() * 100, window, alert.threshold() * 100);
            case "absence" -> String.format(Locale.ROOT, "no logs for %.0f minutes, last at %s UTC (allowed %.0f)",
                    alert.value(), TIME.format(alert.windowStart()), alert.threshold());
            case "new-error" -> "an error not seen before, first at " + TIME.format(alert.windowStart()) + " UTC";
            default -> String.format(Locale.ROOT, "%.0f events, %s (threshold %.0f)", alert.value(), window, alert.threshold());
        };
    }

    private String links(Alert alert) {
        Instant from = "absence".equals(alert.ruleType()) ? alert.windowStart().minus(ABSENCE_CONTEXT) : alert.windowStart();
        Instant to = alert.windowEnd().isAfter(from) ? alert.windowEnd() : from.plusSeconds(60);
        String links = "<" + KibanaLinks.discover(kibanaBase, alert.query(), from, to) + "|Open these logs in Kibana>";
        if (alert.runbook() != null) {
            links += "  ·  <" + alert.runbook() + "|Runbook>";
        }
        return links + "  ·  rule `" + SlackText.escapeAndTruncate(alert.ruleId(), 100) + "`";
    }

    private static String plain(Alert alert) {
        return alert.state().name().toLowerCase(Locale.ROOT) + ": " + alert.ruleName() + " — " + alert.group();
    }

    private static SectionBlock section(String text) {
        return SectionBlock.builder().text(markdown(text)).build();
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }
}
