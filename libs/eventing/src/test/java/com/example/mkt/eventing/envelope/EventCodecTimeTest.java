package com.example.mkt.eventing.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Envelopes' times read as tolerantly as Jackson's own reader did: text with an offset, and epoch numbers. */
class EventCodecTimeTest {

    private final EventCodec codec = new EventCodec(new ObjectMapper().findAndRegisterModules());

    private OffsetDateTime time(String json) throws IOException {
        return codec.read("{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"t\",\"time\":" + json
                + ",\"data\":{}}").time();
    }

    @Test
    void textKeepsItsOffset() throws IOException {
        assertEquals(OffsetDateTime.parse("2026-05-03T10:15:00.25+08:00"), time("\"2026-05-03T10:15:00.25+08:00\""));
        assertEquals("+08:00", time("\"2026-05-03T10:15:00+08:00\"").getOffset().getId());
        assertEquals(OffsetDateTime.parse("2026-05-03T10:15+08:00"), time("\"2026-05-03T10:15+08:00\""));
    }

    @Test
    void epochNumbersStillReadAsBefore() throws IOException {
        assertEquals(OffsetDateTime.parse("2026-05-03T02:15:00Z").toInstant(), time("1777774500.000000000").toInstant());
        assertEquals(OffsetDateTime.parse("2026-05-03T02:15:00Z").toInstant(), time("1777774500").toInstant());
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IOException.class, () -> time("\"yesterday\""));
    }
}
