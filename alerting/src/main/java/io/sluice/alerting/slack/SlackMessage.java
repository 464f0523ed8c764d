package io.sluice.alerting.slack;

import java.util.List;
import java.util.Map;

/** An incoming-webhook payload: fallback {@code text} for notifications, and Block Kit {@code blocks}. */
public record SlackMessage(String text, List<Map<String, Object>> blocks) {

    public SlackMessage {
        blocks = List.copyOf(blocks);
    }
}
