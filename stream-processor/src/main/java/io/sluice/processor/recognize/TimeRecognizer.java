package io.sluice.processor.recognize;

import io.sluice.processor.parse.TimeContext;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds the event time in lines no format claims, the way Splunk's timestamp recognition or Elasticsearch's
 * {@code find_structure} do, but in-stream: the layout is learned once per source (service, host and stream) by trying
 * every {@link TimeLayouts layout} on the line's leading part and keeping the one that matches earliest, then each line
 * costs that one layout — about a grok match. A source whose lines stop matching learns again; one whose lines carry no
 * time tries again less and less often, at most every {@value #LINES_BEFORE_RETRY} lines. What a single line cannot tell (is 03/04 March or
 * April? is 17/06/09 a 2017 or a 2009 date?) is decided by the source's lines together and remembered.
 */
public final class TimeRecognizer {

    /** How much of a line's start is searched: where loggers put the time. */
    static final int HEAD = 200;
    private static final int MISSES_BEFORE_RELEARN = 3;
    private static final int LINES_BEFORE_RETRY = 50;
    private static final int MAX_SOURCES = 10_000;

    private final Map<String, SourceLayout> sources = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SourceLayout> eldest) {
            return size() > MAX_SOURCES;
        }
    });

    /** A time found: when, where in the line, the layout that read it, and a level letter glued to it (klog's {@code I1130}) or null. */
    public record Recognized(Instant time, int start, int end, String layout, String level) {
    }

    /** The time of {@code line} from source {@code source}, read with the layout its source uses; empty when it has none. */
    public Optional<Recognized> recognize(String source, String line, TimeContext time) {
        String head = line.length() > HEAD ? line.substring(0, HEAD) : line;
        SourceLayout learned = sources.computeIfAbsent(source, key -> new SourceLayout());
        synchronized (learned) {
            if (learned.layout != null) {
                Optional<Recognized> found = read(learned.layout, head, learned, time);
                if (found.isPresent() || ++learned.misses < MISSES_BEFORE_RELEARN) {
                    if (found.isPresent()) {
                        learned.misses = 0;
                    }
                    return found;
                }
                learned.layout = null;
            } else if (learned.linesUntilRetry > 0) {
                learned.linesUntilRetry--;
                return Optional.empty();
            }
            return learn(head, learned, time);
        }
    }

    private static Optional<Recognized> learn(String head, SourceLayout learned, TimeContext time) {
        Recognized best = null;
        TimeLayout bestLayout = null;
        for (TimeLayout layout : TimeLayouts.ALL) {
            Optional<Recognized> found = read(layout, head, learned, time);
            if (found.isPresent() && (best == null || found.get().start() < best.start()
                    || found.get().start() == best.start() && found.get().end() > best.end())) {
                best = found.get();
                bestLayout = layout;
            }
        }
        if (best == null) {
            // a source without times is tried again after 0, 1, 3, 7 ... lines, at most every LINES_BEFORE_RETRY: a first line
            // without a time (a banner) costs nothing later, a source that never has one costs a learning now and then
            learned.linesUntilRetry = Math.min(LINES_BEFORE_RETRY, (1 << Math.min(learned.failedLearnings, 10)) - 1);
            learned.failedLearnings++;
            return Optional.empty();
        }
        learned.layout = bestLayout;
        learned.misses = 0;
        learned.failedLearnings = 0;
        return Optional.of(best);
    }

    private static Optional<Recognized> read(TimeLayout layout, String head, SourceLayout learned, TimeContext time) {
        Matcher matcher = layout.pattern().matcher(head);
        for (int tries = 0; tries < 4 && matcher.find(); tries++) {
            Instant instant = TimeReading.read(layout, matcher, learned.dates, time);
            if (instant != null) {
                return Optional.of(new Recognized(instant, matcher.start(), matcher.end(), layout.name(), layout.group(matcher, "lvl")));
            }
        }
        return Optional.empty();
    }

    /** What a source has taught: its layout, and how it orders ambiguous dates. */
    private static final class SourceLayout {
        private TimeLayout layout;
        private int misses;
        private int linesUntilRetry;
        private int failedLearnings;
        private final DateOrders dates = new DateOrders();
    }
}
