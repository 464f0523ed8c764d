package io.sluice.runtime.slack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A local HTTP server standing in for a Slack incoming webhook, for tests and measurements (Slack
 * itself is not reachable here): keeps every post with the time it arrived, and answers as scripted —
 * by default {@code 200 ok}, as Slack does.
 */
public final class FakeSlack implements AutoCloseable {

    /** An answer to one post. */
    public record Answer(int status, String body, Map<String, String> headers) {

        public static final Answer OK = new Answer(200, "ok", Map.of());

        public static Answer rateLimited(int retryAfterSeconds) {
            return new Answer(429, "rate_limited", Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        }
    }

    /** A post as it arrived. */
    public record Post(Instant at, String body) {
    }

    private static final String PATH = "/services/T000/B000/XXXX";

    private final HttpServer server;
    private final List<Post> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();
    private volatile IntFunction<Answer> script = post -> Answer.OK;

    public FakeSlack() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Answer answer = script.apply(posts.getAndIncrement());
                if (answer.status() / 100 == 2) {
                    received.add(new Post(Instant.now(), body));
                }
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
    }

    /** Answers the n-th post (counting from 0, refused ones included) as the script says. */
    public FakeSlack answer(IntFunction<Answer> script) {
        this.script = script;
        return this;
    }

    public String webhookUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Posts answered 2xx: what Slack would have shown. */
    public List<Post> delivered() {
        return List.copyOf(received);
    }

    /** Bodies of the posts answered 2xx. */
    public List<String> received() {
        return received.stream().map(Post::body).toList();
    }

    /** Every post, whatever its answer. */
    public int attempts() {
        return posts.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
