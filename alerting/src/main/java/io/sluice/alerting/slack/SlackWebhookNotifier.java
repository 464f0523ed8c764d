package io.sluice.alerting.slack;

import io.sluice.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts a {@link SlackMessage} to an incoming webhook and classifies Slack's answer. */
public final class SlackWebhookNotifier {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final URI webhook;
    private final HttpClient http;

    public SlackWebhookNotifier(String webhookUrl) {
        this.webhook = URI.create(webhookUrl);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public void send(SlackMessage message) {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(message)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NotificationException.Transient("Slack unreachable: " + e.getClass().getSimpleName(),
                    DEFAULT_RETRY_AFTER, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationException.Transient("interrupted", DEFAULT_RETRY_AFTER, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String body = response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
        if (status == 429) {
            throw new NotificationException.Transient("Slack rate limit (429)", retryAfter(response), null);
        }
        if (status >= 500) {
            throw new NotificationException.Transient("Slack answered " + status + ": " + body, DEFAULT_RETRY_AFTER, null);
        }
        throw new NotificationException.Permanent("Slack refused the message with " + status + ": " + body);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return DEFAULT_RETRY_AFTER;
            }
        }).orElse(DEFAULT_RETRY_AFTER);
    }
}
