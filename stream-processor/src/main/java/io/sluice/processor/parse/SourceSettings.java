package io.sluice.processor.parse;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * How one service's lines are read.
 *
 * @param format {@code auto} (detect per record), {@code json}, {@code logfmt}, {@code plain}, {@code grok}
 *     (the expressions in {@code grok}), or a built-in text format name ({@link TextFormats#names()})
 * @param grok grok expressions for {@code format: grok}, tried in order
 * @param timezone the zone of timestamps that carry none (syslog, Apache error logs, most text layouts)
 * @param multiline whether continuation lines shipped as separate records are joined to the event they continue
 * @param keepOriginal whether every event keeps its line as {@code event.original}; when false (the default)
 *     only events whose fields do not carry the whole line keep it (text read by grok, JSON over the label limit)
 */
public record SourceSettings(String format, List<String> grok, ZoneId timezone, boolean multiline, boolean keepOriginal) {

    public static final String AUTO = "auto";
    public static final SourceSettings DEFAULTS = new SourceSettings(AUTO, List.of(), java.time.ZoneOffset.UTC, true, false);

    public SourceSettings(String format, List<String> grok, ZoneId timezone, boolean multiline) {
        this(format, grok, timezone, multiline, false);
    }

    public SourceSettings {
        format = format == null || format.isBlank() ? AUTO : format.strip().toLowerCase(Locale.ROOT);
        grok = grok == null ? List.of() : List.copyOf(grok);
    }

    /** These settings, with what they leave open taken from the defaults. */
    SourceSettings over(SourceSettings defaults) {
        return new SourceSettings(format, grok, timezone != null ? timezone : defaults.timezone(), multiline, keepOriginal);
    }
}
