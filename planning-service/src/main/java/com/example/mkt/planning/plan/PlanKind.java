package com.example.mkt.planning.plan;

/**
 * Plan horizons from the strategic plan down to the daily one (docs/domain.md#plan-content),
 * declared coarsest first: a plan's goals may derive from goals of a coarser plan only.
 */
public enum PlanKind {
    STRATEGIC,
    ANNUAL,
    QUARTERLY,
    MONTHLY,
    WEEKLY,
    DAILY;

    public boolean isCoarserThan(PlanKind other) {
        return ordinal() < other.ordinal();
    }
}
