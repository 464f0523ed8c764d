package io.sluice.ingest.loki;

import io.sluice.ingest.lines.MalformedBodyException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses a label set in Prometheus notation, {@code {app="checkout", path="a\"b"}}, as Loki's protobuf carries it. */
final class PrometheusLabels {

    private PrometheusLabels() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        String body = text.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new MalformedBodyException("stream labels must look like {name=\"value\"}, got " + text);
        }
        int i = 1;
        int end = body.length() - 1;
        while (i < end) {
            while (i < end && (body.charAt(i) == ' ' || body.charAt(i) == ',')) {
                i++;
            }
            if (i >= end) {
                break;
            }
            int equals = body.indexOf('=', i);
            if (equals < 0 || equals + 1 >= end || body.charAt(equals + 1) != '"') {
                throw new MalformedBodyException("malformed stream labels: " + text);
            }
            String name = body.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            for (; j < end && body.charAt(j) != '"'; j++) {
                char c = body.charAt(j);
                if (c == '\\' && j + 1 < end) {
                    char escaped = body.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            if (j >= end) {
                throw new MalformedBodyException("unterminated label value in " + text);
            }
            labels.put(name, value.toString());
            i = j + 1;
        }
        return labels;
    }
}
