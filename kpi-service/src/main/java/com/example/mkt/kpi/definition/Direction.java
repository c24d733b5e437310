package com.example.mkt.kpi.definition;

import java.math.BigDecimal;
import java.util.Comparator;

/** Whether a larger value is good (sales) or bad (churn, spending against budget). */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** Orders values best first. */
    public Comparator<BigDecimal> bestFirst() {
        Comparator<BigDecimal> ascending = BigDecimal::compareTo;
        return this == HIGHER_IS_BETTER ? ascending.reversed() : ascending;
    }

    /** Meeting the target exactly counts as met. */
    public boolean meets(BigDecimal actual, BigDecimal target) {
        int cmp = actual.compareTo(target);
        return this == HIGHER_IS_BETTER ? cmp >= 0 : cmp <= 0;
    }
}
