package io.sluice.alerting.slack;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * What is posted to an incoming webhook: the notification text (shown where blocks are not, and in
 * push notifications) and Block Kit blocks built from the Slack SDK's model classes, serialized the
 * way Slack expects (snake_case, nulls left out).
 */
public record WebhookPayload(String text, List<LayoutBlock> blocks) {

    /** Slack's limits for one message. */
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION_TEXT = 3_000;

    private static final Gson GSON = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .disableHtmlEscaping().create();

    public WebhookPayload {
        blocks = List.copyOf(blocks);
        if (blocks.size() > MAX_BLOCKS) {
            throw new IllegalArgumentException(blocks.size() + " blocks: Slack takes at most " + MAX_BLOCKS);
        }
    }

    public String toJson() {
        return GSON.toJson(this);
    }
}
