package com.example.mkt.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.mkt.contracts.testing.SalesEdgeRecords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The edge records the consumers' SalesContractIT are fed: what the schema alone decides matches what the file
 * expects (a record expected in the DLQ for a reason beyond the schema, the currency or an unknown original, says so
 * in its name), so the file cannot drift from the contract.
 */
class SalesEdgeRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSchemaRefusesExactlyTheRecordsExpectedInTheDlqForIt() throws Exception {
        SalesEdgeRecords records = SalesEdgeRecords.load("RUN", "B-TEST", "C-TEST");
        assertEquals(36, records.edges().size());
        for (SalesEdgeRecords.Edge e : records.edges()) {
            JsonNode envelope;
            try {
                envelope = JSON.readTree(e.value());
            } catch (Exception notJson) {
                assertEquals("DLQ", e.expect(), e.name());
                continue;
            }
            if (!envelope.path("type").asText().equals("sales.recorded")) {
                assertEquals("IGNORED", e.expect(), e.name());
                continue;
            }
            List<String> violations = EventContract.violations("sales.recorded",
                    envelope.path("dataversion").asText(), envelope.get("data"));
            boolean beyondSchema = e.name().contains("USD") || e.name().contains("refund of a sale no consumer")
                    || e.name().contains("more than its original");
            assertEquals(e.expect().equals("DLQ") && !beyondSchema, !violations.isEmpty(),
                    e.name() + ": " + violations);
        }
        assertTrue(records.appliedEventIds().contains(records.lastEventId()));
    }
}
