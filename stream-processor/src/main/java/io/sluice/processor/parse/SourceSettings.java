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
 */
public record SourceSettings(String format, List<String> grok, ZoneId timezone, boolean multiline) {

    public static final String AUTO = "auto";
    public static final SourceSettings DEFAULTS = new SourceSettings(AUTO, List.of(), java.time.ZoneOffset.UTC, true);

    public SourceSettings {
        format = format == null || format.isBlank() ? AUTO : format.strip().toLowerCase(Locale.ROOT);
        grok = grok == null ? List.of() : List.copyOf(grok);
    }

    /** These settings, with what they leave open taken from the defaults. */
    SourceSettings over(SourceSettings defaults) {
        return new SourceSettings(format, grok, timezone != null ? timezone : defaults.timezone(), multiline);
    }
}
