package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a scorecard.
 *
 * @param weight     the item's maximum
 * @param deductions points the rules took, before the floor (kept so a reviewer sees how far below zero it went)
 * @param score      weight − deductions, never below 0 ("扣完为止"); null for an item left out of the total
 * @param measured   whether the item had anything to measure (a rate with a denominator)
 * @param treatment  for an unmeasured item, what it counts for; null when measured
 */
public record ItemScore(BigDecimal weight, BigDecimal deductions, BigDecimal score, boolean measured,
                        UnmeasuredTreatment treatment) {

    public ItemScore {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(deductions, "deductions");
        if (measured != (treatment == null)) {
            throw new IllegalArgumentException("an unmeasured item, and only one, has a treatment");
        }
    }

    static ItemScore measured(BigDecimal weight, BigDecimal deductions) {
        return new ItemScore(weight, deductions, weight.subtract(deductions).max(BigDecimal.ZERO), true, null);
    }

    static ItemScore unmeasured(BigDecimal weight, UnmeasuredTreatment treatment) {
        return switch (treatment) {
            case FULL_MARKS -> new ItemScore(weight, BigDecimal.ZERO, weight, false, treatment);
            case ZERO -> new ItemScore(weight, weight, BigDecimal.ZERO, false, treatment);
            case EXCLUDED_REWEIGHTED -> new ItemScore(weight, BigDecimal.ZERO, null, false, treatment);
        };
    }

    /** Whether the item's score is part of the items total. */
    public boolean counted() {
        return score != null;
    }
}
