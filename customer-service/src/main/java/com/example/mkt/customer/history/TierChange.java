package com.example.mkt.customer.history;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One move of a customer's membership tier and/or VIP status, as the history keeps it.
 *
 * @param vipBasis     why the customer is VIP after the move (SINGLE_PURCHASE, MONTHLY_ACCUMULATION, NOMINATION),
 *                     null when not VIP
 * @param windowSpend  the tier window's net spend the move was judged on; null when sales did not decide it
 * @param nominationId the approved nomination, for {@link TierChangeSource#NOMINATION}
 * @param changedBy    the person who made the move (the nomination's approver); null when the rules did
 */
public record TierChange(String customerId, String fromTier, String toTier, boolean wasVip, boolean vip,
        TierChangeSource source, String vipBasis, BigDecimal windowSpend, String nominationId, String changedBy,
        Instant changedAt) {
}
