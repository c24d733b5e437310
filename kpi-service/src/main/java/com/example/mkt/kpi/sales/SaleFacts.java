package com.example.mkt.kpi.sales;

import static com.example.mkt.kpi.rollup.FactFields.code;
import static com.example.mkt.kpi.rollup.FactFields.decimal;
import static com.example.mkt.kpi.rollup.FactFields.instant;
import static com.example.mkt.kpi.rollup.FactFields.staff;
import static com.example.mkt.kpi.rollup.FactFields.text;

import java.math.BigDecimal;
import java.util.Optional;

import com.example.mkt.contracts.SalesRecordedContract;
import com.example.mkt.eventing.envelope.EventEnvelope;

import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.rollup.Fact;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a {@code sales.recorded} event (gateway's schema v1) into this service's fact. Only the fields the KPIs need
 * are read; everything else is ignored.
 *
 * <p>SALE adds its amount to SALES_AMOUNT; REFUND subtracts its absolute amount whatever its sign (the schema's
 * rule), from its original sale's unit and salesperson ({@link SaleRefunds}); CONTRACT is credit fulfilment, read by
 * customer-service only, and does not change sales amount.
 */
public final class SaleFacts {

    public static final String TYPE = "sales.recorded";

    private SaleFacts() {
    }

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

    /** The fact, or empty for events that do not change any KPI. Poison for data that can never apply. */
    public static Optional<Fact> read(JsonNode data, String currency) {
        String eventId = text(data, TYPE, "eventId");
        String kind = text(data, TYPE, "kind");
        if (kind.equals("CONTRACT")) {
            return Optional.empty();
        }
        if (!kind.equals("SALE") && !kind.equals("REFUND")) {
            throw new PoisonEventException(eventId + ": unknown kind " + kind);
        }
        String eventCurrency = text(data, TYPE, "currency");
        if (!eventCurrency.equals(currency)) {
            // Summing yuan and dollars would be wrong and there is no rate to convert with.
            throw new PoisonEventException(eventId + ": currency " + eventCurrency + " is not " + currency);
        }
        BigDecimal amount = decimal(data, TYPE, "amount");
        BigDecimal delta = kind.equals("REFUND") ? amount.abs().negate() : amount;
        return Optional.of(new Fact(eventId, TYPE, KpiCatalogue.SALES_AMOUNT, code(data, TYPE, "orgUnit"),
                staff(data, TYPE, "salesperson"), instant(data, TYPE, "occurredAt"), delta, BigDecimal.ZERO));
    }
}
