package io.sluice.alerting.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KibanaLinksTest {

    @Test
    void shouldOpenDiscoverOnTheServiceErrorsInTheWindow() {
        String link = KibanaLinks.discover("https://kibana.example.com/", "service.name:\"it's-checkout\" and log.level:(ERROR or FATAL)",
                Instant.parse("2026-11-22T10:15:00Z"), Instant.parse("2026-11-22T10:16:00Z"));

        assertThat(link).startsWith("https://kibana.example.com/app/discover#/?_g=").doesNotContain(" ", "|", ">");
        String decoded = URLDecoder.decode(link, StandardCharsets.UTF_8);
        assertThat(decoded).contains("_g=(time:(from:'2026-11-22T10:15:00Z',to:'2026-11-22T10:16:00Z'))",
                "dataViewId:'sluice-logs'",
                "query:(language:kuery,query:'service.name:\"it!'s-checkout\" and log.level:(ERROR or FATAL)')");
    }

    @Test
    void risonShouldEscapeQuotesAndBangs() {
        assertThat(KibanaLinks.rison("a'b!c")).isEqualTo("'a!'b!!c'");
    }
}
