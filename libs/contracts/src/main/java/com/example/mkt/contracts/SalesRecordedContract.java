package com.example.mkt.contracts;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one reading of {@code sales.recorded} every consumer applies before its handler runs
 * (docs/events.md#salesrecorded-external-contract): the published schema of the envelope's dataversion, then the
 * platform's currency. Kept here, beside the schema, so that the consumers cannot drift apart again.
 */
public final class SalesRecordedContract {

    public static final String TYPE = "sales.recorded";

    private SalesRecordedContract() {
    }

    /** Why the record must not be applied, with every reason; empty when it may be. */
    public static Optional<String> refusal(String dataversion, JsonNode data, String currency) {
        List<String> violations = EventContract.violations(TYPE, dataversion, data);
        if (!violations.isEmpty()) {
            return Optional.of("breaks the " + TYPE + " schema: " + String.join("; ", violations));
        }
        String eventCurrency = data.get("currency").textValue();
        if (!eventCurrency.equals(currency)) {
            // there is no rate source to convert with (docs/domain.md#business-locale): summing currencies is wrong
            return Optional.of(data.get("eventId").textValue() + ": currency " + eventCurrency
                    + " is not the platform's currency " + currency);
        }
        return Optional.empty();
    }
}
