package io.sluice.indexer.faults;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.runtime.elasticsearch.ElasticsearchIdentities;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An HTTP proxy in front of the real Elasticsearch that injects the faults a real cluster produces
 * but cannot be made to produce on demand: whole bulks answered 429 or 503 for a while, and single
 * bulk items answered with a chosen status (the item is then not forwarded, as Elasticsearch would not
 * have indexed it). Everything else passes through unchanged. Counts how often each document id was sent.
 */
public final class FaultyElasticsearch implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client;
    private final String target;
    private final Map<String, AtomicInteger> sentById = new ConcurrentHashMap<>();
    private final Map<String, Integer> itemFaults = new ConcurrentHashMap<>();
    private final AtomicInteger refusedBulks = new AtomicInteger();
    private volatile int wholeBulkStatus;
    private volatile Instant wholeBulkUntil = Instant.MIN;

    /** A proxy in front of {@code elasticsearch} (plain HTTP in, its HTTPS out); each request keeps the caller's credential. */
    public FaultyElasticsearch(ElasticsearchAccess elasticsearch) throws IOException {
        String url = elasticsearch.url();
        this.target = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.client = elasticsearch.httpClient();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The same principals, through this proxy: each one's credential, the proxy's address. */
    public ElasticsearchIdentities identities(ElasticsearchIdentities real) {
        return principal -> access(real.as(principal));
    }

    public ElasticsearchAccess access(ElasticsearchAccess real) {
        return new ElasticsearchAccess(url(), real.principal(), real.authorization(), null);
    }

    /** Every bulk request is answered with the status, without reaching Elasticsearch, for the duration. */
    public void refuseBulks(int status, Duration duration) {
        wholeBulkStatus = status;
        wholeBulkUntil = Instant.now().plus(duration);
    }

    /** The next bulk item for this id is answered with the status instead of being forwarded; once. */
    public void failItemOnce(String id, int status) {
        itemFaults.put(id, status);
    }

    public int timesSent(String id) {
        AtomicInteger count = sentById.get(id);
        return count == null ? 0 : count.get();
    }

    public int refusedBulks() {
        return refusedBulks.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean bulk = exchange.getRequestURI().getPath().endsWith("/_bulk");
            if (bulk && Instant.now().isBefore(wholeBulkUntil)) {
                refusedBulks.incrementAndGet();
                respond(exchange, wholeBulkStatus, ("{\"error\":{\"type\":\"injected_fault\",\"reason\":\"injected " + wholeBulkStatus
                        + "\"},\"status\":" + wholeBulkStatus + "}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (bulk) {
                bulk(exchange, body);
                return;
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            respond(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forwards the bulk without the items to fail, then answers with Elasticsearch's items and the injected ones in order. */
    private void bulk(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
        StringBuilder forwarded = new StringBuilder();
        List<Object> slots = new ArrayList<>(); // Integer: injected status; String: forwarded
        for (int i = 0; i + 1 < lines.length; i += 2) {
            JsonNode action = Json.MAPPER.readTree(lines[i]);
            String op = action.propertyNames().iterator().next();
            String id = action.path(op).path("_id").asString();
            String index = action.path(op).path("_index").asString();
            sentById.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            Integer fault = itemFaults.remove(id);
            if (fault != null) {
                slots.add(new Object[] {op, id, fault, index});
            } else {
                slots.add(op);
                forwarded.append(lines[i]).append('\n').append(lines[i + 1]).append('\n');
            }
        }
        ArrayNode realItems = Json.MAPPER.createArrayNode();
        boolean errors = false;
        long took = 0;
        if (forwarded.length() > 0) {
            HttpResponse<byte[]> response = forward(exchange, forwarded.toString().getBytes(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                respond(exchange, response.statusCode(), response.body());
                return;
            }
            JsonNode real = Json.MAPPER.readTree(response.body());
            realItems = (ArrayNode) real.path("items");
            errors = real.path("errors").asBoolean();
            took = real.path("took").asLong();
        }
        ArrayNode items = Json.MAPPER.createArrayNode();
        int next = 0;
        for (Object slot : slots) {
            if (slot instanceof Object[] injected) {
                int status = (Integer) injected[2];
                ObjectNode item = Json.MAPPER.createObjectNode();
                ObjectNode result = item.putObject((String) injected[0]);
                result.put("_index", (String) injected[3]).put("_id", (String) injected[1]).put("status", status);
                result.putObject("error").put("type", status == 429 ? "es_rejected_execution_exception" : "injected_fault")
                        .put("reason", "injected " + status);
                items.add(item);
                errors = true;
            } else {
                items.add(realItems.get(next++));
            }
        }
        ObjectNode answer = Json.MAPPER.createObjectNode().put("took", took).put("errors", errors);
        answer.set("items", items);
        respond(exchange, 200, Json.MAPPER.writeValueAsBytes(answer));
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI uri = URI.create(target + exchange.getRequestURI());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : Set.of("Content-Type", "Accept", "Authorization")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
