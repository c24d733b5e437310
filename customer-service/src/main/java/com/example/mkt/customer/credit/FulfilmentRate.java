package com.example.mkt.customer.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A contract fulfilment rate, fulfilled ÷ settled, by count or by amount. Thresholds are checked exactly
 * (cross-multiplied), never on the rounded percentage: 29,999 of 40,000 shows as "75.00" but is below 75 %.
 */
public record FulfilmentRate(BigDecimal fulfilled, BigDecimal settled) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public FulfilmentRate {
        Objects.requireNonNull(fulfilled, "fulfilled");
        Objects.requireNonNull(settled, "settled");
        if (fulfilled.signum() < 0 || fulfilled.compareTo(settled) > 0) {
            throw new IllegalArgumentException("need 0 <= fulfilled <= settled, got " + fulfilled + "/" + settled);
        }
    }

    /** Nothing settled (or only contracts of no amount): undefined rather than 0 % or 100 %. */
    public boolean isUndefined() {
        return settled.signum() == 0;
    }

    /** Percentage with 2 decimals, half-up, for display; empty when undefined. */
    public Optional<BigDecimal> percent() {
        if (isUndefined()) {
            return Optional.empty();
        }
        return Optional.of(fulfilled.multiply(HUNDRED).divide(settled, 2, RoundingMode.HALF_UP));
    }

    /** Exactly below {@code percent}; false when undefined. */
    public boolean isBelowPercent(BigDecimal percent) {
        return !isUndefined() && fulfilled.multiply(HUNDRED).compareTo(percent.multiply(settled)) < 0;
    }
}
