package com.example.mkt.customer.history;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One move of a customer's credit tier (docs/domain.md#credit-tiers), as the history keeps it. A null tier is an
 * ordinary customer (no key account).
 *
 * @param reason            {@code APPROVED_REQUEST}, or the assessment's reason of an automatic downgrade
 * @param fulfilmentPercent the contract fulfilment rate an automatic downgrade was judged on
 * @param requestId         the approved credit change request
 * @param changedBy         the person whose approval made the move; null for an automatic one
 */
public record CreditTierChange(String customerId, String fromTier, String toTier, String reason, boolean automatic,
        BigDecimal fulfilmentPercent, String requestId, String changedBy, Instant changedAt) {

    public static final String APPROVED_REQUEST = "APPROVED_REQUEST";
}
