package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeadLetterRequestTest {

    private static DeadLetterTool.DeadLetter letter(long offset, String eventId, String failedAt) {
        String value = "{\"id\":\"env-" + offset + "\",\"type\":\"sales.recorded\",\"data\":{\"eventId\":\"" + eventId
                + "\"}}";
        return new DeadLetterTool.DeadLetter("sales.events.dlq", 0, offset, "c-1", value,
                Map.of("dlq-failed-at", failedAt, "dlq-original-topic", "sales.events"), Instant.EPOCH);
    }

    @Test
    void listShowAndReplayAreParsed() {
        Invocation list = Invocation.parse("dlq", "list");
        assertEquals(Invocation.Command.DLQ, list.command());
        assertEquals(Optional.empty(), list.dlq().orElseThrow().deadLetterTopic());
        assertEquals(Optional.of("sales.events.dlq"),
                Invocation.parse("dlq", "list", "sales.events").dlq().orElseThrow().deadLetterTopic());
        DeadLetterRequest show = Invocation.parse("dlq", "show", "kpi.events.dlq", "12").dlq().orElseThrow();
        assertEquals(Optional.of("kpi.events.dlq"), show.deadLetterTopic());
        assertEquals(12, show.offset().getAsLong());
        assertThrows(UsageException.class, () -> Invocation.parse("dlq"));
        assertThrows(UsageException.class, () -> Invocation.parse("dlq", "show", "sales.events"));
        assertThrows(UsageException.class, () -> Invocation.parse("dlq", "show", "sales.events", "x"));
        assertThrows(UsageException.class, () -> Invocation.parse("dlq", "drop", "sales.events"));
    }

    @Test
    void aReplayNamesWhichDeadLetters() {
        assertThrows(UsageException.class, () -> Invocation.parse("dlq", "replay", "sales.events"));
        assertThrows(UsageException.class, () -> Invocation.parse("dlq", "replay", "--all"));
        assertThrows(UsageException.class, () -> Invocation.parse("dlq", "replay", "sales.events", "--since", "today"));
        var early = letter(3, "POS-1", "2026-12-05T01:00:00Z");
        var late = letter(4, "POS-2", "2026-12-05T02:00:00Z");
        DeadLetterRequest byOffset = Invocation.parse("dlq", "replay", "sales.events", "--offset", "4").dlq().orElseThrow();
        assertFalse(byOffset.chooses(early));
        assertTrue(byOffset.chooses(late));
        DeadLetterRequest byId = Invocation.parse("dlq", "replay", "sales.events", "--id", "POS-1").dlq().orElseThrow();
        assertTrue(byId.chooses(early));
        assertFalse(byId.chooses(late));
        DeadLetterRequest since = Invocation.parse("dlq", "replay", "sales.events", "--since",
                "2026-12-05T09:30:00+08:00").dlq().orElseThrow();
        assertFalse(since.chooses(early));
        assertTrue(since.chooses(late));
        DeadLetterRequest all = Invocation.parse("dlq", "replay", "sales.events.dlq", "--all").dlq().orElseThrow();
        assertTrue(all.chooses(early) && all.chooses(late));
        assertEquals("sales.events", late.originalTopic());
        assertEquals("POS-2", late.eventId());
    }

    @Test
    void oneRowPerOriginalRecordNamingEveryConsumer() {
        java.util.function.BiFunction<Long, String, DeadLetterTool.DeadLetter> by = (offset, consumer) ->
                new DeadLetterTool.DeadLetter("sales.events.dlq", 0, offset, "k", "not json",
                        Map.of("dlq-original-topic", "sales.events", "dlq-original-partition", "2",
                                "dlq-original-offset", "41", "dlq-consumer", consumer,
                                "dlq-reason", "not a CloudEvents JSON envelope", "dlq-failed-at",
                                "2026-12-05T01:00:00Z"), Instant.EPOCH);
        var rows = DeadLetterTool.rows(java.util.List.of(by.apply(7L, "kpi-service.sales"),
                by.apply(8L, "campaign-sales"), by.apply(9L, "customer-service.sales"), letter(10, "POS-9",
                        "2026-12-05T02:00:00Z")));
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(java.util.List.of("7,8,9", "sales.events-2@41", "2026-12-05T01:00:00Z",
                "kpi-service.sales,campaign-sales,customer-service.sales", "", "", "not a CloudEvents JSON envelope"),
                rows.get(1));
        assertEquals("POS-9", rows.get(2).get(5));
    }
}
