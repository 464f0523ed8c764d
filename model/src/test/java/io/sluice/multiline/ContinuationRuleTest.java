package io.sluice.multiline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContinuationRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"\tat com.shop.Cart.add(Cart.java:31)", "Caused by: java.io.IOException: closed", "\t... 12 more",
        "  File \"app.py\", line 3, in <module>", "java.lang.IllegalStateException: id", "    indented detail"})
    void shouldJoinStackTracesAndIndentedLines(String line) {
        assertThat(ContinuationRule.DEFAULT.continues(line, false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"  1234:20261120:101530.123 Starting Zabbix Server", "  2026-11-20 10:15:30 indented but dated",
        "2026-11-20 10:15:30 INFO next event", "plain next line"})
    void shouldStartANewEventWithALineThatBeginsWithADateEvenIndented(String line) {
        assertThat(ContinuationRule.DEFAULT.continues(line, false)).isFalse();
    }
}
