package com.example.mkt.customer.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A count ratio such as a fulfilment or satisfaction rate. Threshold checks are exact
 * (cross-multiplied), never on the rounded percentage: 29,999 of 40,000 is 74.9975%, shown as
 * "75.00" but still below 75%.
 */
public record Ratio(long numerator, long denominator) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Ratio {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("need 0 <= numerator <= denominator, got " + numerator + "/" + denominator);
        }
    }

    /** No observations: the rate is undefined rather than 0% or 100%. */
    public boolean isUndefined() {
        return denominator == 0;
    }

    /** Percentage with 2 decimals, half-up, for display; empty when undefined. */
    public Optional<BigDecimal> percent() {
        if (isUndefined()) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP));
    }

    /** Exactly below {@code percent}; false when undefined. */
    public boolean isBelowPercent(BigDecimal percent) {
        return !isUndefined() && compareToPercent(percent) < 0;
    }

    /** Exactly at or above {@code percent}; false when undefined. */
    public boolean isAtLeastPercent(BigDecimal percent) {
        return !isUndefined() && compareToPercent(percent) >= 0;
    }

    private int compareToPercent(BigDecimal percent) {
        BigDecimal left = BigDecimal.valueOf(numerator).multiply(HUNDRED);
        BigDecimal right = percent.multiply(BigDecimal.valueOf(denominator));
        return left.compareTo(right);
    }
}
