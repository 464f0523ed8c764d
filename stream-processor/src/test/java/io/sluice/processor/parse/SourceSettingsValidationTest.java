package io.sluice.processor.parse;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceSettingsValidationTest {

    private static final TextFormats FORMATS = new TextFormats(new GrokPatterns(100));
    private static final ParserLimits LIMITS = new ParserLimits(1024, 5, Duration.ofMinutes(5));

    private static RawLogParser parserFor(String service, SourceSettings settings) {
        return new RawLogParser(LIMITS, SourceSettings.DEFAULTS, Map.of(service, settings), FORMATS, Clock.systemUTC());
    }

    @Test
    void shouldRefuseAnUnknownFormatNamingTheServiceAndTheKnownFormats() {
        assertThatThrownBy(() -> parserFor("nginx", new SourceSettings("nginx-json", List.of(), null, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown format 'nginx-json' for service 'nginx'")
                .hasMessageContaining("access").hasMessageContaining("spring-boot");
    }

    @Test
    void shouldRefuseAGrokExpressionNamingAMissingPattern() {
        assertThatThrownBy(() -> parserFor("billing", new SourceSettings("grok", List.of("%{NO_SUCH_PATTERN:message}"), null, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid grok expression '%{NO_SUCH_PATTERN:message}'");
    }

    @Test
    void shouldRefuseFormatGrokWithoutExpressions() {
        assertThatThrownBy(() -> parserFor("billing", new SourceSettings("grok", List.of(), null, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs at least one grok expression");
    }
}
