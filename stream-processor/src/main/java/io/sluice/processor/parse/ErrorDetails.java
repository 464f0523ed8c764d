package io.sluice.processor.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the exception in an event — in a stack-trace field, or in a multi-line message — and
 * fingerprints it: exception type plus the top three frames with line numbers left out, so the same
 * error has the same fingerprint across deploys, hosts and messages. Java and Python traces.
 */
public final class ErrorDetails {

    private static final Pattern JAVA_TYPE = Pattern.compile(
            "^(?:Caused by: |Exception in thread \"[^\"]*\" )?((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable|Fault))(?::\\s*(.*))?$");
    private static final Pattern JAVA_FRAME = Pattern.compile("^\\s*at ([\\w$.<>/]+)\\(");
    private static final Pattern PYTHON_TYPE = Pattern.compile("^([A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt|Warning))(?::\\s*(.*))?$");
    private static final Pattern PYTHON_FRAME = Pattern.compile("^\\s*File \"([^\"]+)\", line \\d+, in (\\S+)");
    private static final int FRAMES = 3;
    private static final int MAX_STACK_CHARS = 32 * 1024;

    /** What was found: ECS {@code error.type}, {@code error.message}, {@code error.stack_trace}, and the fingerprint. */
    public record Found(String type, String message, String stackTrace, String fingerprint) {
    }

    private ErrorDetails() {
    }

    public static Optional<Found> of(String message, String stackTraceField) {
        String trace = stackTraceField != null && !stackTraceField.isBlank() ? stackTraceField
                : message != null && message.indexOf('\n') >= 0 ? message : null;
        if (trace == null) {
            return Optional.empty();
        }
        String bounded = trace.length() > MAX_STACK_CHARS ? trace.substring(0, MAX_STACK_CHARS) : trace;
        String[] lines = bounded.split("\n");
        return bounded.contains("Traceback (most recent call last):") ? python(lines, trace) : java(lines, trace);
    }

    private static Optional<Found> java(String[] lines, String trace) {
        String type = null;
        String text = null;
        List<String> frames = new ArrayList<>(FRAMES);
        for (String line : lines) {
            if (type == null) {
                Matcher matcher = JAVA_TYPE.matcher(line.strip());
                if (matcher.matches()) {
                    type = matcher.group(1);
                    text = matcher.group(2);
                }
                continue;
            }
            Matcher frame = JAVA_FRAME.matcher(line);
            if (frame.find() && frames.size() < FRAMES) {
                frames.add(frame.group(1));
            }
        }
        return found(type, text, trace, frames);
    }

    private static Optional<Found> python(String[] lines, String trace) {
        String type = null;
        String text = null;
        List<String> frames = new ArrayList<>();
        for (String line : lines) {
            Matcher frame = PYTHON_FRAME.matcher(line);
            if (frame.find()) {
                frames.add(frame.group(1) + ":" + frame.group(2));
                continue;
            }
            Matcher matcher = PYTHON_TYPE.matcher(line.strip());
            if (matcher.matches()) {
                type = matcher.group(1);
                text = matcher.group(2);
            }
        }
        // Python prints the innermost frame last
        List<String> top = new ArrayList<>(frames.subList(Math.max(0, frames.size() - FRAMES), frames.size()));
        java.util.Collections.reverse(top);
        return found(type, text, trace, top);
    }

    private static Optional<Found> found(String type, String text, String trace, List<String> frames) {
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Found(type, text, trace, fingerprint(type + "|" + String.join("|", frames))));
    }

    private static String fingerprint(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
