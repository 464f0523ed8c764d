package io.sluice.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.json.Json;
import io.sluice.model.LogEvent;
import io.sluice.processor.parse.GrokPatterns;
import io.sluice.processor.parse.ParserLimits;
import io.sluice.processor.parse.RawLogParser;
import io.sluice.processor.parse.SourceSettings;
import io.sluice.processor.parse.TextFormats;
import io.sluice.redact.Redactor;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The format corpus: for each format a file in {@code formats/} lists input lines (as one source ships
 * them) and the events expected from them, field by field. Every case runs through the whole topology
 * in a {@link TopologyTestDriver}, multi-line reassembly and its flush timeout included.
 */
class FormatCorpusTest {

    private static final List<String> FILES = List.of("json", "logfmt", "syslog", "access", "java", "python", "go",
            "cri", "plain", "grok", "recognized");
    private static final Instant DEFAULT_RECEIVED = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(1);
    private static final TextFormats FORMATS = new TextFormats(new GrokPatterns(1000));

    @TestFactory
    Stream<DynamicNode> everyFormatFixtureGivesItsExpectedEvents() throws IOException {
        List<DynamicNode> files = new ArrayList<>();
        for (String file : FILES) {
            JsonNode cases = read(file);
            assertThat(cases.size()).as(file).isPositive();
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode fixture : cases) {
                tests.add(DynamicTest.dynamicTest(fixture.get("name").asString(), () -> check(fixture)));
            }
            files.add(DynamicContainer.dynamicContainer(file, tests));
        }
        return files.stream();
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = FormatCorpusTest.class.getResourceAsStream("formats/" + file + ".json")) {
            assertThat(in).as("fixture file %s", file).isNotNull();
            return Json.MAPPER.readTree(in);
        }
    }

    private static void check(JsonNode fixture) {
        String service = fixture.path("service").isString() ? fixture.get("service").asString() : null;
        Instant received = fixture.has("received") ? Instant.parse(fixture.get("received").asString()) : DEFAULT_RECEIVED;
        List<Map<String, String>> events = run(service, settingsOf(fixture), received, fixture.get("lines"));
        JsonNode expected = fixture.get("expect");
        assertThat(events).as("events from %s", fixture.get("lines")).hasSize(expected.size());
        List<Map<String, String>> unmatched = new ArrayList<>(events);
        for (JsonNode expectation : expected) {
            Map<String, String> wanted = new LinkedHashMap<>();
            expectation.properties().forEach(field -> wanted.put(field.getKey(), field.getValue().asString()));
            Map<String, String> match = unmatched.stream()
                    .filter(event -> event.entrySet().containsAll(wanted.entrySet())).findFirst().orElse(null);
            assertThat(match).as("an event with %s among %s", wanted, unmatched).isNotNull();
            unmatched.remove(match);
            for (JsonNode absent : fixture.path("absent")) {
                assertThat(match).doesNotContainKey(absent.asString());
            }
        }
    }

    private static SourceSettings settingsOf(JsonNode fixture) {
        JsonNode settings = fixture.path("settings");
        List<String> grok = new ArrayList<>();
        settings.path("grok").forEach(expression -> grok.add(expression.asString()));
        return new SourceSettings(settings.path("format").asString(SourceSettings.AUTO), grok,
                settings.has("timezone") ? ZoneId.of(settings.get("timezone").asString()) : null,
                settings.path("multiline").asBoolean(true), settings.path("keepOriginal").asBoolean(false));
    }

    /** The events the topology makes of the lines, each flattened to dotted field names. */
    private static List<Map<String, String>> run(String service, SourceSettings settings, Instant received, JsonNode lines) {
        Map<String, SourceSettings> services = service == null ? Map.of() : Map.of(service, settings);
        RawLogParser parser = new RawLogParser(new ParserLimits(65_536, 20, Duration.ofMinutes(5)),
                SourceSettings.DEFAULTS, services, FORMATS, Clock.fixed(received.plusSeconds(1), ZoneOffset.UTC));
        StreamsBuilder builder = new StreamsBuilder();
        LogTopology.build(builder, parser, new Redactor(EnumSet.noneOf(io.sluice.redact.RedactionRule.class)),
                FLUSH_TIMEOUT, new io.sluice.metrics.SluiceMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "processor"));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "format-corpus");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.RAW.name(),
                    Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
            for (JsonNode line : lines) {
                RecordHeaders headers = new RecordHeaders();
                if (service != null) {
                    SluiceHeaders.put(headers, SluiceHeaders.SERVICE, service);
                }
                raw.pipeInput(new TestRecord<>(service, line.asString().getBytes(StandardCharsets.UTF_8), headers, received));
            }
            driver.advanceWallClockTime(FLUSH_TIMEOUT.multipliedBy(2));
            assertThat(driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(),
                    Topics.DLQ.valueSerde().deserializer()).isEmpty()).as("nothing dead-lettered").isTrue();
            return driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                    Topics.ENRICHED.valueSerde().deserializer()).readValuesToList().stream().map(FormatCorpusTest::flatten).toList();
        }
    }

    private static Map<String, String> flatten(LogEvent event) {
        Map<String, String> flat = new LinkedHashMap<>();
        JsonNode json = Json.MAPPER.valueToTree(event);
        json.properties().forEach(field -> {
            if (field.getValue().isObject()) {
                field.getValue().properties().forEach(inner -> flat.put(field.getKey() + "." + inner.getKey(), inner.getValue().asString()));
            } else {
                flat.put(field.getKey(), field.getValue().asString());
            }
        });
        return flat;
    }
}
