package io.sluice.cli;

import io.sluice.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Realistic log lines from a few fake services, in the shapes real ones send: JSON lines with trace
 * ids, logback-style plain text, Java stack traces, nginx access logs — and bursts of errors.
 */
final class DemoLogs {

    private static final DateTimeFormatter LOGBACK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NGINX = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String[] PATHS = {"/", "/cart", "/api/orders", "/api/orders/42", "/static/app.js", "/login"};
    private static final int[] STATUSES = {200, 200, 200, 200, 201, 304, 404, 500};

    private final Random random;

    DemoLogs(long seed) {
        this.random = new Random(seed);
    }

    /** One batch of NDJSON lines per service for the moment {@code now}. */
    Map<String, List<String>> tick(Instant now, boolean errorBurst) {
        Map<String, List<String>> batches = new LinkedHashMap<>();
        String trace = hex(32);
        batches.put("checkout", List.of(checkoutJson(now, trace), checkoutJson(now, hex(32))));
        batches.put("payments", payments(now, errorBurst, trace));
        batches.put("edge", List.of(accessLog(now), accessLog(now), accessLog(now)));
        return batches;
    }

    private String checkoutJson(Instant now, String trace) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("@timestamp", now.toString());
        boolean slow = random.nextInt(10) == 0;
        line.put("log.level", slow ? "WARN" : "INFO");
        line.put("message", slow ? "cart checkout slow: " + (800 + random.nextInt(2000)) + " ms" : "order placed");
        line.put("trace.id", trace);
        line.put("span.id", hex(16));
        line.put("host.name", "checkout-" + random.nextInt(3));
        line.put("order_id", 1000 + random.nextInt(9000));
        return Json.MAPPER.writeValueAsString(line);
    }

    /** Payments' own text log, and a JSON line for checkout's first order of the tick: one trace across two services. */
    private List<String> payments(Instant now, boolean errorBurst, String trace) {
        List<String> lines = new ArrayList<>();
        lines.add(LOGBACK.format(now) + " INFO  [http-nio-8080-exec-" + random.nextInt(10)
                + "] c.e.payments.PaymentService - authorized payment " + hex(8));
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("@timestamp", now.plusMillis(20 + random.nextInt(60)).toString());
        charge.put("log.level", "INFO");
        charge.put("message", "card charged");
        charge.put("trace.id", trace);
        charge.put("span.id", hex(16));
        lines.add(Json.MAPPER.writeValueAsString(charge));
        int errors = errorBurst ? 6 : (random.nextInt(20) == 0 ? 1 : 0);
        for (int i = 0; i < errors; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("@timestamp", now.toString());
            line.put("log.level", "ERROR");
            line.put("host.name", "payments-1");
            line.put("message", "payment gateway timeout after 30000 ms\n"
                    + "java.net.SocketTimeoutException: Read timed out\n"
                    + "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)\n"
                    + "\tat com.example.payments.GatewayClient.authorize(GatewayClient.java:88)\n"
                    + "\tat com.example.payments.PaymentService.pay(PaymentService.java:41)");
            lines.add(Json.MAPPER.writeValueAsString(line));
        }
        return lines;
    }

    private String accessLog(Instant now) {
        int status = STATUSES[random.nextInt(STATUSES.length)];
        // nginx's combined format with the request time its docs log: rt=$request_time
        return "10.0.%d.%d - - [%s] \"GET %s HTTP/1.1\" %d %d \"-\" \"Mozilla/5.0\" rt=%d.%03d".formatted(
                random.nextInt(255), random.nextInt(255), NGINX.format(now), PATHS[random.nextInt(PATHS.length)],
                status, 200 + random.nextInt(5000), random.nextInt(20) == 0 ? 1 + random.nextInt(3) : 0, random.nextInt(400));
    }

    private String hex(int length) {
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
