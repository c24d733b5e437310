package com.example.mkt.kpi.target;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Parameters of the suggested annual target ("参照前三个年度的平均增长率进行估算,但要稍微拔高一些" —
 * estimate from the average growth rate of the previous three years, but set it slightly higher; and the target must
 * be neither so low that nobody is pushed nor so high that people give up or cheat).
 *
 * @param lookbackYears       how many year-on-year growth rates to average (3)
 * @param uplift              added to the average growth rate, in rate points: 0.02 = two percentage points.
 *                            The business says only "slightly"; two points is our reading.
 * @param minimumGrowth       floor of the applied growth (0.00: never suggest less than last year; the business warns
 *                            against low targets and a planner can still enter a lower one by hand)
 * @param maximumGrowth       ceiling of the applied growth (0.30: one exceptional year must not produce a target
 *                            "死活也完成不了", impossible to reach)
 * @param growthWithoutHistory growth assumed when no rate can be computed (new unit, zero bases): 0.00, so the
 *                            suggestion is last year's actual plus the uplift
 */
public record SuggestedTargetPolicy(
        int lookbackYears,
        BigDecimal uplift,
        BigDecimal minimumGrowth,
        BigDecimal maximumGrowth,
        BigDecimal growthWithoutHistory) {

    public SuggestedTargetPolicy {
        if (lookbackYears < 1) {
            throw new IllegalArgumentException("lookbackYears must be at least 1");
        }
        Objects.requireNonNull(uplift, "uplift");
        Objects.requireNonNull(minimumGrowth, "minimumGrowth");
        Objects.requireNonNull(maximumGrowth, "maximumGrowth");
        Objects.requireNonNull(growthWithoutHistory, "growthWithoutHistory");
        if (minimumGrowth.compareTo(maximumGrowth) > 0) {
            throw new IllegalArgumentException("minimumGrowth above maximumGrowth");
        }
    }

    public static SuggestedTargetPolicy defaults() {
        return new SuggestedTargetPolicy(3, new BigDecimal("0.02"), new BigDecimal("0.00"), new BigDecimal("0.30"),
                new BigDecimal("0.00"));
    }
}
