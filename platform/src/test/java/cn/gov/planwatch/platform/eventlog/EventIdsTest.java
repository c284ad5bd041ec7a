package cn.gov.planwatch.platform.eventlog;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Event ids in the order they were made, as PostgreSQL orders uuid (byte by byte), and each one once. */
class EventIdsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:30:00.123Z");
    /** PostgreSQL's order of uuid values, which is that of their text. */
    private static final Comparator<UUID> AS_POSTGRESQL = Comparator.comparing(UUID::toString);

    @Test
    void anIdMadeLaterSortsAfterOneMadeEarlier() {
        UUID earlier = EventIds.madeAt(NOW);
        UUID later = EventIds.madeAt(NOW.plusMillis(1));
        UUID muchLater = EventIds.madeAt(Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(List.of(muchLater, later, earlier)).isSortedAccordingTo(AS_POSTGRESQL.reversed());
        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void idsMadeInTheSameMillisecondAreAllDifferent() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.madeAt(NOW));
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void theEventsOfAWriteHaveIdsOfTheirOwnInRowOrderBesideTheWrite() {
        UUID write = EventIds.madeAt(NOW);
        UUID nextWrite = EventIds.madeAt(NOW.plusMillis(1));
        List<UUID> rows = IntStream.range(0, 10_000).mapToObj(n -> EventIds.nth(write, n)).toList();

        assertThat(rows).doesNotHaveDuplicates().doesNotContain(write).isSortedAccordingTo(AS_POSTGRESQL)
                .allSatisfy(id -> {
                    assertThat(id.variant()).isEqualTo(2);
                    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
                    assertThat(AS_POSTGRESQL.compare(id, nextWrite)).as("before a later write").isNegative();
                });
        assertThat(IntStream.range(0, 10_000).mapToObj(n -> EventIds.nth(write, n)).toList())
                .as("a resend of the write").isEqualTo(rows);
    }

    @Test
    void twoWritesOfTheSameMillisecondNeverShareAnEventId() {
        List<UUID> ids = new ArrayList<>();
        for (int write = 0; write < 100; write++) {
            UUID id = EventIds.madeAt(NOW);
            ids.add(id);
            IntStream.range(0, 1_000).mapToObj(n -> EventIds.nth(id, n)).forEach(ids::add);
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void aWriteWhoseIdIsRandomDerivesTheIdsItsFirstAttemptAppended() {
        UUID write = UUID.fromString("3f2a6c1e-9b7d-4e0a-8c51-2d9e4b6f7a10");

        assertThat(EventIds.nth(write, 7)).isEqualTo(UUID.fromString("270a6c98-8c67-3221-bd2e-de4cb3bea530"));
    }

    @Test
    void aWriteHasRoomForSoManyEvents() {
        UUID write = EventIds.madeAt(NOW);

        assertThat(EventIds.nth(write, EventIds.MOST_EVENTS_PER_WRITE - 1)).isNotNull();
        assertThatThrownBy(() -> EventIds.nth(write, EventIds.MOST_EVENTS_PER_WRITE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
