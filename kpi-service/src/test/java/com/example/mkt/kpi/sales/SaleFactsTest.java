package com.example.mkt.kpi.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.kpi.rollup.Fact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SaleFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode sale(String kind, String amount, String currency) throws Exception {
        return JSON.readTree("""
                {"eventId": "POS-1", "kind": "%s", "occurredAt": "2026-05-03T10:15:00+08:00",
                 "customer": {"id": "c-1"}, "orgUnit": "B-NANCHANG", "salesperson": "s-042",
                 "amount": "%s", "currency": "%s", "refundOf": "POS-0", "contractId": "k", "fulfilled": true,
                 "somethingNew": 1}
                """.formatted(kind, amount, currency));
    }

    @Test
    void aSaleAddsItsAmountAtItsInstant() throws Exception {
        Fact f = SaleFacts.read(sale("SALE", "120.00", "CNY"), "CNY").orElseThrow();
        assertEquals(new BigDecimal("120.00"), f.numerator());
        assertEquals(BigDecimal.ZERO, f.denominator());
        assertEquals("SALES_AMOUNT", f.kpiCode());
        assertEquals("POS-1", f.sourceId());
        assertEquals("B-NANCHANG", f.orgUnit());
        assertEquals("s-042", f.staffId());
        assertEquals(Instant.parse("2026-05-03T02:15:00Z"), f.occurredAt());
    }

    @Test
    void aRefundSubtractsItsAbsoluteAmountWhateverItsSign() throws Exception {
        assertEquals(new BigDecimal("-20.50"), SaleFacts.read(sale("REFUND", "20.50", "CNY"), "CNY").orElseThrow().numerator());
        assertEquals(new BigDecimal("-20.50"), SaleFacts.read(sale("REFUND", "-20.50", "CNY"), "CNY").orElseThrow().numerator());
    }

    @Test
    void aContractIsNotSalesAmount() throws Exception {
        assertTrue(SaleFacts.read(sale("CONTRACT", "500.00", "CNY"), "CNY").isEmpty());
    }

    @Test
    void otherCurrenciesUnknownKindsAndMissingFieldsArePoison() throws Exception {
        assertThrows(PoisonEventException.class, () -> SaleFacts.read(sale("SALE", "1.00", "USD"), "CNY"));
        assertThrows(PoisonEventException.class, () -> SaleFacts.read(sale("GIFT", "1.00", "CNY"), "CNY"));
        assertThrows(PoisonEventException.class, () -> SaleFacts.read(sale("SALE", "1,00", "CNY"), "CNY"));
        assertThrows(PoisonEventException.class,
                () -> SaleFacts.read(JSON.readTree("{\"eventId\": \"x\", \"kind\": \"SALE\"}"), "CNY"));
    }
}
