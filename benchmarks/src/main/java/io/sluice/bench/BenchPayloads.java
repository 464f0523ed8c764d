package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;

/** The log lines the benchmarks send: 1,000 distinct lines each, cycled. */
final class BenchPayloads {

    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"};

    private BenchPayloads() {
    }

    /** ECS JSON lines of about 250 bytes. */
    static List<String> json() {
        List<String> lines = new ArrayList<>(1000);
        for (int i = 0; i < 1000; i++) {
            lines.add("{\"@timestamp\":\"2026-11-22T10:15:" + String.format("%02d", i % 60) + "." + String.format("%03d", i)
                    + "Z\",\"log.level\":\"" + LEVELS[i % LEVELS.length] + "\",\"service.name\":\"bench\",\"trace.id\":\""
                    + String.format("%032x", i * 7919L) + "\",\"message\":\"request " + i + " handled in " + (i % 97)
                    + " ms for user u" + (i % 113) + "\",\"http.status\":" + (200 + (i % 5) * 100) + "}");
        }
        return lines;
    }

    /**
     * Text lines read by grok: nginx combined access lines, Spring Boot and logback layouts, syslog file
     * lines and plain text, in equal parts.
     */
    static List<String> text() {
        List<String> lines = new ArrayList<>(1000);
        for (int i = 0; i < 1000; i++) {
            String time = "10:15:" + String.format("%02d", i % 60) + "." + String.format("%03d", i);
            String level = LEVELS[i % LEVELS.length];
            lines.add(switch (i % 5) {
                case 0 -> "10.0." + (i % 250) + ".7 - - [22/Nov/2026:" + time.substring(0, 8) + " +0000] \"GET /cart/" + i
                        + " HTTP/1.1\" " + (200 + (i % 5) * 100) + " " + (i * 13) + " \"https://shop.example.com/\" \"Mozilla/5.0\"";
                case 1 -> "2026-11-22T" + time + "+00:00 " + String.format("%5s", level) + " 4711 --- [bench] [nio-8080-exec-"
                        + (i % 10) + "] c.s.bench.OrderController                : order " + i + " placed for user u" + (i % 113);
                case 2 -> "2026-11-22 " + time.replace('.', ',') + " [pool-1-thread-" + (i % 8) + "] " + String.format("%-5s", level)
                        + " com.shop.bench.Stock - stock for sku=" + i + " is " + (i % 41);
                case 3 -> "Nov 22 " + time.substring(0, 8) + " web-" + (i % 4) + " sshd[" + (1000 + i) + "]: Accepted publickey for deploy from 10.1.1."
                        + (i % 250) + " port " + (40000 + i);
                default -> "2026-11-22T" + time + "Z " + level + " worker " + i + " finished batch in " + (i % 97) + " ms";
            });
        }
        return lines;
    }
}
