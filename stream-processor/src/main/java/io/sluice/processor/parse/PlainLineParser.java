package io.sluice.processor.parse;

import io.sluice.processor.recognize.LevelRecognizer;
import io.sluice.processor.recognize.TimeRecognizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a line no format claims: the whole line is the message; its time is recognized with the layout its source
 * uses ({@link TimeRecognizer}), its level among its leading tokens ({@link LevelRecognizer}), the level as written kept
 * beside the normalized one ({@code log_level_original}) when they differ.
 */
final class PlainLineParser {

    static final String LEVEL_ORIGINAL_LABEL = "log_level_original";

    private final TimeRecognizer times;

    PlainLineParser(TimeRecognizer times) {
        this.times = times;
    }

    /** {@code source}: service, host and stream — what learns its time layout together. */
    ParsedFields parse(String source, String line, TimeContext time) {
        Optional<TimeRecognizer.Recognized> found = times.recognize(source, line, time);
        Optional<LevelRecognizer.Level> level = found.filter(recognized -> recognized.level() != null)
                .map(recognized -> new LevelRecognizer.Level(Levels.normalize(recognized.level()), recognized.level()))
                .or(() -> LevelRecognizer.find(line, found.map(TimeRecognizer.Recognized::start).orElse(-1),
                        found.map(TimeRecognizer.Recognized::end).orElse(-1)));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("log_format", "plain");
        level.filter(recognized -> !recognized.original().equals(recognized.normalized()))
                .ifPresent(recognized -> labels.put(LEVEL_ORIGINAL_LABEL, recognized.original()));
        return new ParsedFields(found.map(TimeRecognizer.Recognized::time).orElse(null), line,
                level.map(LevelRecognizer.Level::normalized).orElse(null), null, null, null, null, null, null, labels, true);
    }
}
