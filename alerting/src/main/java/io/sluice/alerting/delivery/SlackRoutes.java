package io.sluice.alerting.delivery;

import io.sluice.model.Alert;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which webhook an alert goes to: the rule's {@code route} if it names one, else the alert's team
 * (from the service catalog) if that team has a webhook, else the default. Webhook URLs are secrets:
 * they come from the environment and never appear in {@link #toString()}, logs or alert text.
 */
public final class SlackRoutes {

    public static final String DEFAULT = "default";

    private final Map<String, URI> webhooks;

    public SlackRoutes(URI defaultWebhook, Map<String, String> namedWebhooks) {
        Map<String, URI> all = new TreeMap<>();
        namedWebhooks.forEach((name, url) -> {
            if (url != null && !url.isBlank()) {
                all.put(name, URI.create(url.trim()));
            }
        });
        if (defaultWebhook != null) {
            all.put(DEFAULT, defaultWebhook);
        }
        this.webhooks = Map.copyOf(all);
    }

    /** The route's name: the key of its webhook, also what pacing counts per. */
    public String routeOf(Alert alert) {
        if (alert.route() != null && webhooks.containsKey(alert.route())) {
            return alert.route();
        }
        if (alert.team() != null && webhooks.containsKey(alert.team())) {
            return alert.team();
        }
        return DEFAULT;
    }

    public Optional<URI> webhook(String route) {
        return Optional.ofNullable(webhooks.get(route));
    }

    public boolean anyConfigured() {
        return !webhooks.isEmpty();
    }

    @Override
    public String toString() {
        return "SlackRoutes" + webhooks.keySet();
    }
}
