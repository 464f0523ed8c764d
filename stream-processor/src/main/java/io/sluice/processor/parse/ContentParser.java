package io.sluice.processor.parse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the content of a line (what the application wrote, envelope removed) the way its service is
 * configured to: automatic detection by default — JSON, logfmt, then the built-in text formats, then
 * plain text — or one named format. A line that does not match its service's format is still read by
 * detection and flagged with {@code sluice_format_mismatch}, as Logstash tags {@code _grokparsefailure}.
 */
final class ContentParser {

    static final String FORMAT_MISMATCH_LABEL = "sluice_format_mismatch";

    private final JsonLineParser json;
    private final PlainLineParser plain = new PlainLineParser(new io.sluice.processor.recognize.TimeRecognizer());
    private final TextFormats formats;
    private final Map<String, GrokFormat> serviceFormats = new HashMap<>();
    private final Map<String, String> serviceModes = new HashMap<>();

    ContentParser(JsonLineParser json, TextFormats formats, Map<String, SourceSettings> services) {
        this.json = json;
        this.formats = formats;
        services.forEach(this::configure);
    }

    private void configure(String service, SourceSettings settings) {
        String format = settings.format();
        switch (format) {
            case SourceSettings.AUTO, "json", "logfmt", "plain" -> serviceModes.put(service, format);
            case "grok" -> {
                serviceModes.put(service, format);
                serviceFormats.put(service, formats.custom(service, settings.grok()));
            }
            default -> {
                GrokFormat named = formats.named(format).orElseThrow(() -> new IllegalArgumentException(
                        "unknown format '" + format + "' for service '" + service + "'; known: auto, json, logfmt, plain, grok, "
                                + String.join(", ", formats.names())));
                serviceModes.put(service, "grok");
                serviceFormats.put(service, named);
            }
        }
    }

    /**
     * A multi-line text event (a head line and its stack trace) is read by its head line; the lines
     * after it stay in the message. JSON is read whole.
     */
    ParsedFields parse(String service, String source, String content, TimeContext time) {
        int lineBreak = content.indexOf('\n');
        if (lineBreak < 0 || content.stripLeading().startsWith("{")) {
            return parseLine(service, source, content, time);
        }
        ParsedFields head = parseLine(service, source, content.substring(0, lineBreak), time);
        String headMessage = head.message() != null ? head.message() : content.substring(0, lineBreak);
        return head.withMessage(headMessage + content.substring(lineBreak));
    }

    private ParsedFields parseLine(String service, String source, String content, TimeContext time) {
        String mode = service == null ? SourceSettings.AUTO : serviceModes.getOrDefault(service, SourceSettings.AUTO);
        switch (mode) {
            case "json":
                return json.parse(content, time);
            case "logfmt":
                return json.parseLogfmt(content, time);
            case "plain":
                return plain.parse(source, content, time);
            case "grok": {
                GrokFormat format = serviceFormats.get(service);
                Optional<Map<String, Object>> captures = format.match(content);
                if (captures.isPresent()) {
                    return GrokFields.of(captures.get(), format.name(), time);
                }
                return flagged(detect(source, content, time), format.name());
            }
            default:
                return detect(source, content, time);
        }
    }

    private ParsedFields detect(String source, String content, TimeContext time) {
        if (content.stripLeading().startsWith("{")) {
            return json.parse(content, time);
        }
        if (Logfmt.looksLike(content)) {
            return json.parseLogfmt(content, time);
        }
        for (GrokFormat format : formats.detectionOrder()) {
            Optional<Map<String, Object>> captures = format.match(content);
            if (captures.isPresent()) {
                return GrokFields.of(captures.get(), format.name(), time);
            }
        }
        return plain.parse(source, content, time);
    }

    private static ParsedFields flagged(ParsedFields fields, String format) {
        Map<String, String> labels = new LinkedHashMap<>(fields.labels());
        labels.put(FORMAT_MISMATCH_LABEL, format);
        return fields.withLabels(labels);
    }
}
