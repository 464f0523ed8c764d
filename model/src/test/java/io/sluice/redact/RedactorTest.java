package io.sluice.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.model.LogEvent;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor all = new Redactor(EnumSet.allOf(RedactionRule.class));

    private static LogEvent event(String message) {
        return new LogEvent(Instant.EPOCH, message, "INFO", "svc", null, null, null, "id", null, message, Map.of("k", message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mail jane.doe+shop@mail.example.co.uk now      | mail <email> now",
        "card 4111-1111-1111-1111 ok                    | card <card> ok",
        "amex 378282246310005.                          | amex <card>.",
        "not a card 1234567812345678                    | not a card 1234567812345678",
        "order 20261122101530 created                   | order 20261122101530 created",
        "Authorization: Bearer eyJhbGciOi.J9.x-y_z=     | Authorization: Bearer <token>",
        "GET https://svc:s3cr3t@db.example.com/x        | GET https://svc:<password>@db.example.com/x",
        "plain https://db.example.com:5432/x            | plain https://db.example.com:5432/x",
        "card 4111 1111 1111 1111 paid                  | card <card> paid",
        "{\"card\":\"4111111111111111\"}                | {\"card\":\"<card>\"}",
        "trace a4111111111111111 in a hex id            | trace a4111111111111111 in a hex id",
        "{\"@timestamp\":\"x\",\"user\":\"a@b.io\"}       | {\"@timestamp\":\"x\",\"user\":\"<email>\"}",
        "run 41111111111111110000000 of digits          | run 41111111111111110000000 of digits",
        "by@ night, @home and me@localhost              | by@ night, @home and me@localhost"})
    void shouldRedactWhatEachRuleDescribesAndNothingElse(String input, String expected) {
        assertThat(all.redact(event(input)).message()).isEqualTo(expected);
    }

    @Test
    void shouldRedactEveryTextFieldAndSayWhich() {
        LogEvent redacted = all.redact(event("to bob@example.com"));

        assertThat(redacted.original()).isEqualTo("to <email>");
        assertThat(redacted.labels()).containsEntry("k", "to <email>").containsEntry(Redactor.REDACTED_LABEL, "email");
    }

    @Test
    void shouldRedactTypedTextFieldsAndKeepTheOthers() {
        LogEvent access = new LogEvent(Instant.EPOCH, "GET", "INFO", "svc", null, null, null, "id", null, null, null, null, null,
                null, null, Map.of("url.original", "/reset?mail=bob@example.com", "http.response.status_code", 200));

        LogEvent redacted = all.redact(access);

        assertThat(redacted.fields()).containsEntry("url.original", "/reset?mail=<email>")
                .containsEntry("http.response.status_code", 200L);
        assertThat(redacted.labels()).containsEntry(Redactor.REDACTED_LABEL, "email");
    }

    @Test
    void shouldLeaveEventsAloneWhenRedactionIsOff() {
        LogEvent event = event("to bob@example.com");

        assertThat(new Redactor(EnumSet.noneOf(RedactionRule.class)).redact(event)).isSameAs(event);
        assertThat(new Redactor(EnumSet.of(RedactionRule.CARD)).redact(event)).isSameAs(event);
    }
}
