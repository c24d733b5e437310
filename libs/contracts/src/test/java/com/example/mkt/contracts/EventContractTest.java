package com.example.mkt.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sales contract's rules at their edges, and what validating one parsed record costs. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SALE = """
            {"eventId": "POS-2026-000123", "kind": "SALE", "occurredAt": "2026-05-03T10:15:00+08:00",
             "customer": {"id": "c-123"}, "orgUnit": "B-NANCHANG", "salesperson": "s-042", "channel": "APP",
             "campaignCode": "BYWY-2018",
             "items": [{"productCode": "LAY", "category": "travel-insurance", "quantity": 1, "unitPrice": "120.00"}],
             "amount": "120.00", "currency": "CNY"}""";

    private static ObjectNode sale() throws Exception {
        return (ObjectNode) JSON.readTree(SALE);
    }

    private static List<String> check(JsonNode data) {
        return EventContract.violations("sales.recorded", "1", data);
    }

    @Test
    void theExampleIsValid() throws Exception {
        assertEquals(List.of(), check(sale()));
        assertEquals(List.of(), EventContract.violations("sales.recorded", null, sale()), "no dataversion means 1");
    }

    @Test
    void aNegativeSaleOrContractIsRefusedARefundMayCarryEitherSignButNotZero() throws Exception {
        assertTrue(check(sale().put("amount", "-120.00")).stream().anyMatch(m -> m.startsWith("$.amount")));
        ObjectNode refund = sale().put("kind", "REFUND").put("refundOf", "POS-1").put("amount", "-120.00");
        assertEquals(List.of(), check(refund));
        assertEquals(List.of(), check(refund.put("amount", "120.00")));
        assertTrue(check(refund.put("amount", "0.00")).stream().anyMatch(m -> m.startsWith("$.amount")));
        assertTrue(check(refund.put("amount", "-0")).stream().anyMatch(m -> m.startsWith("$.amount")));
        ObjectNode contract = sale().put("kind", "CONTRACT").put("contractId", "K-1").put("fulfilled", true);
        assertEquals(List.of(), check(contract));
        assertTrue(check(contract.put("amount", "-1.00")).stream().anyMatch(m -> m.startsWith("$.amount")));
    }

    @Test
    void unknownKindsVersionsAndControlCharactersAreRefused() throws Exception {
        assertTrue(check(sale().put("kind", "GIFT")).stream().anyMatch(m -> m.startsWith("$.kind")));
        assertEquals(List.of("no schema for sales.recorded dataversion 2"),
                EventContract.violations("sales.recorded", "2", sale()));
        assertEquals(List.of("dataversion one is not a number"),
                EventContract.violations("sales.recorded", "one", sale()));
        assertEquals(List.of("$.customer.externalRef: " + EventContract.CONTROL_CHARACTERS),
                check(sale().set("customer", JSON.createObjectNode().put("externalRef", "A\u0000B"))));
        assertEquals(List.of(), check(sale().put("salesperson", "line\nbreak\tand tab")));
    }

    @Test
    void missingCustomerAndOverlongTextsAreRefused() throws Exception {
        ObjectNode noCustomer = sale();
        noCustomer.remove("customer");
        assertTrue(check(noCustomer).stream().anyMatch(m -> m.contains("customer")));
        assertTrue(check(sale().set("customer", JSON.createObjectNode())).size() > 0);
        assertTrue(check(sale().put("eventId", "E".repeat(65))).stream().anyMatch(m -> m.startsWith("$.eventId")));
        assertTrue(check(sale().put("currency", "yuan")).stream().anyMatch(m -> m.startsWith("$.currency")));
    }

    /**
     * The per-record cost every consumer pays (printed, never asserted: the machine is shared). The record is parsed
     * once outside the loop, as the consumers validate the tree the envelope codec already built.
     */
    @Test
    void costPerRecord() throws Exception {
        EventContract contract = EventContract.of("sales.recorded", 1);
        JsonNode data = sale();
        int warmup = 50_000;
        int n = 200_000;
        int violations = 0;
        for (int i = 0; i < warmup; i++) {
            violations += contract.violations(data).size();
        }
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = bean.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < n; i++) {
            violations += contract.violations(data).size();
        }
        long cpuNs = bean.getCurrentThreadCpuTime() - cpu;
        long wallNs = System.nanoTime() - wall;
        System.out.printf("sales.recorded v1 validation: %.2f µs CPU, %.2f µs wall per record (%d records)%n",
                cpuNs / 1000.0 / n, wallNs / 1000.0 / n, n);
        assertEquals(0, violations);
    }
}
