package com.example.mkt.customer.credit;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the rules say a customer's credit standing should be.
 *
 * @param tier               empty for an ordinary (non key-account) customer
 * @param fulfilmentPercent  2-decimal display value; empty when no contract is settled yet
 */
public record CreditAssessment(Optional<CreditTier> tier, CreditReason reason, Optional<BigDecimal> fulfilmentPercent) {

    public boolean isKeyAccount() {
        return tier.isPresent();
    }
}
