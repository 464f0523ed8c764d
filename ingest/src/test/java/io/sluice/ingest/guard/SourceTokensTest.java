package io.sluice.ingest.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.tokens.IngestTokens;
import io.sluice.tokens.TokenEntry;
import io.sluice.tokens.TokenFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTokensTest {

    private final SourceTokens pairs = SourceTokens.of(SourceTokens.parsePairs("checkout=s3cret-1, payments=0ther-2"));

    @Test
    void shouldBindEachPairTokenToItsService() {
        assertThat(pairs.match("s3cret-1")).map(TokenEntry::scope).contains("checkout");
        assertThat(pairs.match("0ther-2")).map(TokenEntry::scope).contains("payments");
        assertThat(pairs.match("0ther-2")).map(TokenEntry::name).contains("payments");
    }

    @Test
    void shouldRejectAnythingElse() {
        assertThat(pairs.match("s3cret-")).isEmpty();
        assertThat(pairs.match("")).isEmpty();
        assertThat(pairs.match(null)).isEmpty();
    }

    @Test
    void shouldKeepDigestsOnlyAndNeverPrintThem() {
        assertThat(SourceTokens.parsePairs(null)).isEmpty();
        assertThat(SourceTokens.parsePairs(" ")).isEmpty();
        assertThat(pairs.toString()).doesNotContain("s3cret").contains("2 configured");
        assertThat(SourceTokens.parsePairs("checkout=s3cret-1").get(0).toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> SourceTokens.parsePairs("checkout")).hasMessageContaining("service=token");
    }

    @Test
    void shouldReadTheTokenInEveryFormShippersSend() {
        String token = IngestTokens.generate();
        String apiKey = Base64.getEncoder().encodeToString(("filebeat-id:" + token).getBytes());
        String basic = Base64.getEncoder().encodeToString(("anyone:" + token).getBytes());

        assertThat(PresentedToken.candidates("Bearer " + token)).containsExactly(token);
        assertThat(PresentedToken.candidates("bearer  " + token)).containsExactly(token);
        assertThat(PresentedToken.candidates("ApiKey " + token)).containsExactly(token);
        assertThat(PresentedToken.candidates("ApiKey " + apiKey)).contains(token);
        assertThat(PresentedToken.candidates("Basic " + basic)).containsExactly(token);
        assertThat(PresentedToken.candidates("Basic " + Base64.getEncoder().encodeToString(token.getBytes()))).isEmpty();
        assertThat(PresentedToken.candidates("Digest " + token)).isEmpty();
        assertThat(PresentedToken.candidates(token)).isEmpty();
        assertThat(PresentedToken.candidates(null)).isEmpty();
        assertThat(PresentedToken.candidates("Basic not-base64!")).isEmpty();
    }

    @Test
    void shouldTakeATokenAddedToTheFileAndDropARevokedOneWithoutARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ingest-tokens");
        String first = IngestTokens.generate();
        String second = IngestTokens.generate();
        Files.writeString(file, TokenFile.format(List.of(TokenEntry.of("ci", TokenEntry.UNBOUND, first))));
        MutableClock clock = new MutableClock();
        TokenSource source = new TokenSource(List.of(), file, clock);
        assertThat(source.current().match(first)).isPresent();

        Files.writeString(file, TokenFile.format(List.of(TokenEntry.of("edge", "checkout", second))));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        clock.advance(Duration.ofSeconds(2));

        assertThat(source.current().match(first)).as("revoked").isEmpty();
        assertThat(source.current().match(second)).map(TokenEntry::scope).contains("checkout");
    }

    @Test
    void shouldKeepTheTokensItHadWhenTheFileBreaks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ingest-tokens");
        String token = IngestTokens.generate();
        Files.writeString(file, TokenFile.format(List.of(TokenEntry.of("ci", TokenEntry.UNBOUND, token))));
        MutableClock clock = new MutableClock();
        TokenSource source = new TokenSource(List.of(), file, clock);

        Files.writeString(file, "ci * sha256:not-a-digest\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        clock.advance(Duration.ofSeconds(2));

        assertThat(source.current().match(token)).isPresent();
        assertThat(source.current().match("sha256:not-a-digest")).isEmpty();
    }

    @Test
    void shouldGiveEachTokenItsOwnRequestSlotsAndByteShare() {
        TokenLimits limits = new TokenLimits(2, 1000);
        List<MemoryBudget> noisy = new ArrayList<>();
        noisy.add(limits.admit("noisy").orElseThrow());
        noisy.add(limits.admit("noisy").orElseThrow());

        assertThat(limits.admit("noisy")).as("third request of one token").isEmpty();
        assertThat(limits.admit("quiet")).as("another token").isPresent();
        assertThat(noisy.get(0)).isSameAs(noisy.get(1));
        assertThat(noisy.get(0).capacity()).isEqualTo(1000);
        limits.release("noisy");
        assertThat(limits.admit("noisy")).isPresent();
    }

    @Test
    void shouldRefuseOneTokensRequestBeyondItsShareWhileTheBudgetHasRoomForOthers() {
        MemoryBudget instance = new MemoryBudget(1000);
        MemoryBudget noisyShare = new MemoryBudget(500);
        try (MemoryBudget.Reservation first = instance.open(noisyShare)) {
            first.charge(400);
            try (MemoryBudget.Reservation second = instance.open(noisyShare)) {
                assertThatThrownBy(() -> second.charge(200)).isInstanceOf(MemoryBudget.BudgetExhaustedException.class)
                        .hasMessageContaining("this token's share");
            }
            try (MemoryBudget.Reservation other = instance.open(new MemoryBudget(500))) {
                other.charge(450);
            }
            assertThat(noisyShare.used()).isEqualTo(400);
        }
        assertThat(instance.used()).isZero();
        assertThat(noisyShare.used()).isZero();
    }

    @Test
    void shouldRefuseAFileLineThatIsNotADigest() {
        assertThatThrownBy(() -> TokenFile.parse("ci * s3cret\n")).hasMessageContaining("line 1").hasMessageContaining("digest")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> TokenFile.parse("a * " + IngestTokens.digest("x") + "\na * " + IngestTokens.digest("y")))
                .hasMessageContaining("used twice");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
