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

    /** Formats that are recognized with no setup, one per source, eight of them: line {@code i} is format {@code i % 8}. */
    static final int RECOGNIZED_FORMATS = 8;

    /**
     * Lines no built-in format claims, whose time and level automatic recognition reads: HDFS, Spark, Android, Ceph,
     * ClickHouse, PostgreSQL, klog and Zabbix layouts, 1,000 lines cycled.
     */
    static List<String> recognized() {
        List<String> lines = new ArrayList<>(1000);
        for (int i = 0; i < 1000; i++) {
            String ss = String.format("%02d", i % 60);
            String ms = String.format("%03d", i);
            String level = LEVELS[i % LEVELS.length];
            lines.add(switch (i % RECOGNIZED_FORMATS) {
                case 0 -> "261122 1015" + ss + " " + (100 + i) + " " + level + " dfs.DataNode$PacketResponder: PacketResponder " + i + " terminating";
                case 1 -> "26/11/22 10:15:" + ss + " " + level + " executor.Executor: Finished task " + i + ".0 in stage 3.0";
                case 2 -> "11-22 10:15:" + ss + "." + ms + "  1702  2395 " + level.charAt(0) + " WindowManager: relayout window " + i;
                case 3 -> "2026-11-22T10:15:" + ss + "." + ms + "+0000 7f3c2d7fa700  0 log_channel(cluster) log [" + level.substring(0, 3)
                        + "] : pgmap v" + i + ": 256 pgs: 256 active+clean";
                case 4 -> "2026.11.22 10:15:" + ss + "." + ms + "123 [ " + (1000 + i) + " ] {} <" + level + "> executeQuery: Read " + i + " rows";
                case 5 -> "2026-11-22 10:15:" + ss + "." + ms + " UTC [" + (1000 + i) + "] " + level + ":  checkpoint complete: wrote " + i + " buffers";
                case 6 -> level.charAt(0) + "1122 10:15:" + ss + "." + ms + "456    " + (1000 + i) + " controller.go:" + i + "] Synced " + i + " objects";
                default -> "  " + (1000 + i) + ":20261122:1015" + ss + "." + ms + " housekeeper deleted " + i + " outdated records";
            });
        }
        return lines;
    }
}
