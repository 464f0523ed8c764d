package io.sluice.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelsTest {

    @ParameterizedTest
    @CsvSource({"warning,WARN", "WARN,WARN", "[ERROR],ERROR", "err,ERROR", "SEVERE,ERROR", "crit,FATAL",
            "info:,INFO", "Debug,DEBUG", "finest,TRACE"})
    void shouldNormalizeLevelSpellings(String word, String level) {
        assertThat(Levels.normalize(word)).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({"3,ERROR", "4,WARN", "6,INFO", "7,DEBUG", "0,FATAL", "30,INFO", "40,WARN", "50,ERROR", "60,FATAL",
            "10,TRACE", "I,INFO", "W,WARN", "E,ERROR", "D,DEBUG"})
    void shouldNormalizeSyslogAndBunyanNumbersAndGoLetters(String word, String level) {
        assertThat(Levels.normalize(word)).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({"hello", "200", "''", "35", "99"})
    void shouldNotInventALevel(String word) {
        assertThat(Levels.normalize(word)).isNull();
    }
}
