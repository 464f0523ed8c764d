package io.sluice.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;

/**
 * Stands in for Slack when no {@code SLACK_WEBHOOK_URL} is set: accepts incoming-webhook posts on
 * loopback and prints each message on the console, so a newcomer sees alerts without a workspace.
 */
final class LocalSlackSink implements AutoCloseable {

    static final String PATH = "/services/local-slack";

    private final HttpServer server;
    private final PrintStream out;

    private LocalSlackSink(HttpServer server, PrintStream out) {
        this.server = server;
        this.out = out;
    }

    static LocalSlackSink start(int port, PrintStream out) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            LocalSlackSink sink = new LocalSlackSink(server, out);
            server.createContext(PATH, sink::handle);
            server.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local Slack stand-in on port " + port
                    + " (set SLUICE_SLACK_SINK_PORT to move it)", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String text;
        try {
            text = Json.MAPPER.readTree(body).path("text").asString(body);
        } catch (JacksonException e) {
            text = body;
        }
        out.println("\n[slack] " + text.replace("\n", "\n        ") + "\n");
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
