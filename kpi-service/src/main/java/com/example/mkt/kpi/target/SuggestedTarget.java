package com.example.mkt.kpi.target;

import java.math.BigDecimal;
import java.util.List;

/**
 * A suggested target with the figures behind it, so a planner can see why.
 *
 * @param value          the suggestion, at the KPI's scale
 * @param base           last year's actual the growth is applied to
 * @param growthRates    the year-on-year rates that could be computed, most recent first (4 decimals)
 * @param averageGrowth  their mean, or the no-history growth when there are none (4 decimals)
 * @param appliedGrowth  average + uplift, clamped to the policy's bounds (4 decimals)
 */
public record SuggestedTarget(
        BigDecimal value,
        BigDecimal base,
        List<BigDecimal> growthRates,
        BigDecimal averageGrowth,
        BigDecimal appliedGrowth) {

    public SuggestedTarget {
        growthRates = List.copyOf(growthRates);
    }
}
