package com.example.mkt.eventing.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class EventEnvelopeTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-05-03T10:15:00+08:00");

    @Test
    void aWellFormedEnvelopeHasNoProblem() {
        EventEnvelope e = EventEnvelope.of("/customer-service", "customer.tier-changed", 2, "c-1", T,
                JsonNodeFactory.instance.objectNode().put("tier", "GOLD"));
        assertNull(e.problem());
        assertEquals(2, e.dataVersionNumber());
        assertEquals("c-1", e.subject());
    }

    @Test
    void namesWhatIsMissing() {
        var data = JsonNodeFactory.instance.objectNode();
        assertEquals("specversion must be 1.0 but is 0.3",
                new EventEnvelope("0.3", "i", "s", "t", "1", null, T, "k", "application/json", data).problem());
        assertEquals("id is missing",
                new EventEnvelope("1.0", " ", "s", "t", "1", null, T, "k", "application/json", data).problem());
        assertEquals("type is missing",
                new EventEnvelope("1.0", "i", "s", null, "1", null, T, "k", "application/json", data).problem());
        assertEquals("data is missing",
                new EventEnvelope("1.0", "i", "s", "t", "1", null, T, "k", "application/json", null).problem());
    }

    @Test
    void anAbsentDataVersionMeansTheFirst() {
        var data = JsonNodeFactory.instance.objectNode();
        assertEquals(1, new EventEnvelope("1.0", "i", "s", "t", null, null, T, "k", null, data).dataVersionNumber());
    }
}
