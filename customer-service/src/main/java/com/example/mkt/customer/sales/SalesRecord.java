package com.example.mkt.customer.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.example.mkt.contracts.SalesRecordedContract;
import com.example.mkt.eventing.envelope.EventEnvelope;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.eventing.envelope.IsoTimes;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code sales.recorded} event read into this service's own type (tolerant: unknown fields are
 * ignored). What the gateway validates is checked again only as far as the rules here need it.
 */
public record SalesRecord(String eventId, String kind, Instant occurredAt, String customerId, String externalRef,
        String customerName, String customerPhone, String orgUnit, String salesperson, BigDecimal amount,
        String refundOf, String contractId, Boolean fulfilled) {

    public static final String TYPE = "sales.recorded";

    /**
     * The contract every sales consumer checks before its handler runs (docs/events.md#salesrecorded-external-contract):
     * the published schema of the envelope's dataversion (libs/contracts), then the platform's currency. Poison, with
     * every reason, when broken.
     */
    public static void check(EventEnvelope envelope, String currency) {
        SalesRecordedContract.refusal(envelope.dataversion(), envelope.data(), currency).ifPresent(reason -> {
            throw new PoisonEventException(reason);
        });
    }

    /** The record's fields; {@link #check} has passed, so what is checked again here guards only against misuse. */
    public static SalesRecord read(JsonNode data) {
        String eventId = text(data, "eventId");
        if (eventId == null || eventId.length() > 64) {
            throw new PoisonEventException("sales.recorded without a valid eventId");
        }
        String kind = text(data, "kind");
        if (!"SALE".equals(kind) && !"REFUND".equals(kind) && !"CONTRACT".equals(kind)) {
            throw new PoisonEventException(eventId + ": unknown kind " + kind);
        }
        JsonNode customer = data.path("customer");
        String id = text(customer, "id");
        String ref = text(customer, "externalRef");
        if (id == null && ref == null) {
            throw new PoisonEventException(eventId + ": customer needs id or externalRef");
        }
        String orgUnit = text(data, "orgUnit");
        if (orgUnit == null) {
            throw new PoisonEventException(eventId + ": orgUnit is required");
        }
        Instant occurredAt;
        BigDecimal amount;
        try {
            occurredAt = IsoTimes.parseOffsetDateTime(text(data, "occurredAt")).toInstant();
            amount = new BigDecimal(text(data, "amount"));
        } catch (RuntimeException e) {
            throw new PoisonEventException(eventId + ": unreadable occurredAt or amount: " + e.getMessage());
        }
        String refundOf = text(data, "refundOf");
        String contractId = text(data, "contractId");
        Boolean fulfilled = data.path("fulfilled").isBoolean() ? data.path("fulfilled").asBoolean() : null;
        if ("CONTRACT".equals(kind) && (contractId == null || fulfilled == null)) {
            throw new PoisonEventException(eventId + ": CONTRACT needs contractId and fulfilled");
        }
        if ("SALE".equals(kind) && amount.signum() < 0) {
            throw new PoisonEventException(eventId + ": a sale's amount must not be negative");
        }
        if ("CONTRACT".equals(kind) && amount.signum() < 0) {
            // the contract's size, which the fulfilment rate by amount weighs
            throw new PoisonEventException(eventId + ": a contract's amount must not be negative");
        }
        if ("REFUND".equals(kind) && amount.signum() == 0) {
            throw new PoisonEventException(eventId + ": a refund needs an amount");
        }
        return new SalesRecord(eventId, kind, occurredAt, id, ref, text(customer, "name"), text(customer, "phone"),
                orgUnit, text(data, "salesperson"), amount, refundOf, contractId, fulfilled);
    }

    public boolean isContract() {
        return "CONTRACT".equals(kind);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
