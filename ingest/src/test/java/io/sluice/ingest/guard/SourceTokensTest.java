package io.sluice.ingest.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceTokensTest {

    private final SourceTokens tokens = SourceTokens.parse("checkout=s3cret-1, payments=0ther-2");

    @Test
    void shouldBindEachTokenToItsService() {
        assertThat(tokens.enabled()).isTrue();
        assertThat(tokens.serviceOf("s3cret-1")).contains("checkout");
        assertThat(tokens.serviceOf("0ther-2")).contains("payments");
    }

    @Test
    void shouldRejectAnythingElse() {
        assertThat(tokens.serviceOf("s3cret-")).isEmpty();
        assertThat(tokens.serviceOf("")).isEmpty();
        assertThat(tokens.serviceOf(null)).isEmpty();
    }

    @Test
    void shouldBeOffWithoutTokensAndNeverPrintThem() {
        assertThat(SourceTokens.parse(null).enabled()).isFalse();
        assertThat(SourceTokens.parse(" ").enabled()).isFalse();
        assertThat(tokens.toString()).doesNotContain("s3cret").contains("2 configured");
        assertThatThrownBy(() -> SourceTokens.parse("checkout")).hasMessageContaining("service=token");
    }
}
