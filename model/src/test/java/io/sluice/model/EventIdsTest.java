package io.sluice.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void shouldMakeUniqueTimeOrderedIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(EventIds.newId(Instant.ofEpochMilli(1_700_000_000_000L)));
        }
        assertThat(ids).hasSize(10_000);
        String earlier = EventIds.newId(Instant.ofEpochMilli(1_700_000_000_000L));
        String later = EventIds.newId(Instant.ofEpochMilli(1_700_000_100_000L));
        assertThat(earlier.substring(0, 8)).isLessThan(later.substring(0, 8));
    }

    @Test
    void shouldDeriveTheSameIdFromTheSameName() {
        assertThat(EventIds.nameBased("logs.raw.v1-0-42")).isEqualTo(EventIds.nameBased("logs.raw.v1-0-42"))
                .isNotEqualTo(EventIds.nameBased("logs.raw.v1-0-43"))
                .hasSize(22);
    }
}
