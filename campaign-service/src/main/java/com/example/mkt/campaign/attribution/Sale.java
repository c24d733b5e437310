package com.example.mkt.campaign.attribution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The facts of one sales event that attribution reads. {@code customerSegments} are the customer's segments
 * when the sale happened, looked up by the caller (segments live in customer-service and arrive as events).
 */
public record Sale(
        String eventId,
        SaleKind kind,
        Instant occurredAt,
        String customerId,
        Set<String> customerSegments,
        String orgUnit,
        String salesperson,
        String campaignCode,
        List<SaleItem> items,
        String refundOf) {

    public Sale {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        customerSegments = customerSegments == null ? Set.of() : Set.copyOf(customerSegments);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
