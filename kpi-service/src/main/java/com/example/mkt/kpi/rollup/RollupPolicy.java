package com.example.mkt.kpi.rollup;

import com.example.mkt.kpi.period.PeriodType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which period grains the rollup maintains. Default: all of them (year, quarter, month, ISO week, day), since targets
 * exist at each grain and daily reports read the day (docs/domain.md#rollups).
 */
public record RollupPolicy(Set<PeriodType> periodTypes) {

    public RollupPolicy {
        if (periodTypes.isEmpty()) {
            throw new IllegalArgumentException("roll up to at least one period type");
        }
        periodTypes = Set.copyOf(periodTypes);
    }

    public static RollupPolicy defaults() {
        return new RollupPolicy(EnumSet.allOf(PeriodType.class));
    }
}
