package com.example.mkt.gateway.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import com.example.mkt.testinfra.EventSchemas;

/**
 * The published sales-event contract accepts what docs/api.md#sales-events-api promises and refuses what it forbids.
 */
class SalesRecordedSchemaTest {

    private static final String DATA = "schemas/sales.recorded.v1.json";
    private static final String ENVELOPE = "schemas/cloudevents-envelope.v1.json";

    static final String SALE = """
            {"eventId": "POS-2026-000123", "kind": "SALE", "occurredAt": "2026-05-03T10:15:00+08:00",
             "customer": {"id": "c-123"}, "orgUnit": "B-NANCHANG", "salesperson": "s-042", "channel": "APP",
             "campaignCode": "BYWY-2018",
             "items": [{"productCode": "LAY", "category": "travel-insurance", "quantity": 1, "unitPrice": "120.00"}],
             "amount": "120.00", "currency": "CNY"}""";

    @Test
    void theContractExampleIsValid() {
        EventSchemas.assertValid(DATA, SALE);
    }

    @Test
    void theExampleInsideItsEnvelopeIsValid() {
        EventSchemas.assertValid(ENVELOPE, """
                {"specversion": "1.0", "id": "6f1c1c2e-2a4b-4c9a-9d59-0f1d3c1b2a10", "source": "/pos-system",
                 "type": "sales.recorded", "dataversion": "1", "time": "2026-05-03T10:15:01+08:00",
                 "subject": "c-123", "datacontenttype": "application/json", "data": %s}""".formatted(SALE));
    }

    @Test
    void unknownCustomersAreNamedByExternalReference() {
        EventSchemas.assertValid(DATA, SALE.replace("{\"id\": \"c-123\"}",
                "{\"externalRef\": \"POS-CUST-9\", \"name\": \"王小明\", \"phone\": \"13800000000\"}"));
    }

    @Test
    void refundsAndContractsCarryTheirReferences() {
        assertFalse(EventSchemas.violations(DATA, SALE.replace("\"SALE\"", "\"REFUND\"")).isEmpty());
        EventSchemas.assertValid(DATA, SALE.replace("\"SALE\"", "\"REFUND\"")
                .replace("\"currency\": \"CNY\"", "\"currency\": \"CNY\", \"refundOf\": \"POS-2026-000100\""));
        EventSchemas.assertValid(DATA, """
                {"eventId": "CT-1", "kind": "CONTRACT", "occurredAt": "2026-05-03T10:15:00+08:00",
                 "customer": {"id": "c-123"}, "orgUnit": "B-NANCHANG", "contractId": "K-77", "fulfilled": false,
                 "amount": "50000.00", "currency": "CNY"}""");
    }

    @Test
    void refusesWhatTheContractForbids() {
        assertEquals(1, EventSchemas.violations(DATA, SALE.replace("\"eventId\": \"POS-2026-000123\", ", "")).size(),
                "eventId required");
        assertFalse(EventSchemas.violations(DATA, SALE.replace("\"amount\": \"120.00\"", "\"amount\": 120.0")).isEmpty(),
                "money is a string");
        assertFalse(EventSchemas.violations(DATA, SALE.replace("\"amount\": \"120.00\"", "\"amount\": \"120.001\""))
                .isEmpty(), "at most 2 decimals");
        assertFalse(EventSchemas.violations(DATA, SALE.replace("\"quantity\": 1", "\"quantity\": -1")).isEmpty(),
                "negative quantity");
        assertFalse(EventSchemas.violations(DATA, SALE.replace("{\"id\": \"c-123\"}", "{}")).isEmpty(),
                "a customer by id or external reference");
        assertFalse(EventSchemas.violations(DATA, SALE.replace("+08:00", "")).isEmpty(), "time needs an offset");
        assertFalse(EventSchemas.violations(DATA, SALE.replace("\"eventId\": \"POS-2026-000123\"",
                "\"eventId\": \"" + "x".repeat(65) + "\"")).isEmpty(), "eventId at most 64 chars");
    }
}
