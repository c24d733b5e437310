package com.example.mkt.eventing.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    private final long[] clock = { 1_767_225_600_000L }; // 2026-01-01T00:00:00Z
    private final EventIds ids = new EventIds(() -> clock[0], new Random(7));

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        UUID id = ids.next();
        assertEquals(7, id.version());
        assertEquals(2, id.variant()); // RFC 9562's variant, 10xx
        assertEquals(clock[0], id.getMostSignificantBits() >>> 16);
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void idsIncreaseWithinAMillisecondAcrossMillisecondsAndWhenTheClockStepsBack() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) { // beyond the counter's 4,096 in one millisecond
            made.add(ids.next());
        }
        clock[0] += 3;
        made.add(ids.next());
        clock[0] -= 1_000;
        made.add(ids.next());
        List<String> texts = made.stream().map(UUID::toString).toList();
        for (int i = 1; i < made.size(); i++) {
            // as PostgreSQL orders them: uuid bytewise, and the text form the inboxes store
            assertTrue(Long.compareUnsigned(made.get(i - 1).getMostSignificantBits(),
                    made.get(i).getMostSignificantBits()) < 0, "id " + i);
            assertTrue(texts.get(i - 1).compareTo(texts.get(i)) < 0, "text " + i);
        }
        assertEquals(made.size(), new HashSet<>(made).size());
    }

    @Test
    void twoProcessesInTheSameMillisecondDifferInTheirRandomBits() {
        EventIds other = new EventIds(() -> clock[0], new Random(8));
        UUID a = ids.next();
        UUID b = other.next();
        assertEquals(a.getMostSignificantBits(), b.getMostSignificantBits());
        assertTrue(a.getLeastSignificantBits() != b.getLeastSignificantBits());
    }

    @Test
    void theEnvelopesIdsAreTimeOrdered() {
        UUID id = UUID.fromString(EventEnvelope.of("/test", "test.happened", 1, "k", null, null).id());
        assertEquals(7, id.version());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 60_000, "about now: " + millis);
    }
}
