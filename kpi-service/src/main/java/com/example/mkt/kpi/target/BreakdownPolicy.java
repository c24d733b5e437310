package com.example.mkt.kpi.target;

import java.util.Objects;

/**
 * How a weighted breakdown treats children without last year's actual (a branch opened this year).
 *
 * <p>Not in the business's wording. Default {@link MissingHistory#AVERAGE_OF_OTHERS}: a new unit is expected to do as well as an
 * average sibling; giving it nothing would let it off the hook, giving it an even share of the whole would distort
 * the seasonal or regional weighting of the others.
 */
public record BreakdownPolicy(MissingHistory missingHistory) {

    public enum MissingHistory {
        /** Weight = mean of the siblings that have history; even split if none has. */
        AVERAGE_OF_OTHERS,
        /** Weight = 0: the unit gets no share. */
        ZERO
    }

    public BreakdownPolicy {
        Objects.requireNonNull(missingHistory, "missingHistory");
    }

    public static BreakdownPolicy defaults() {
        return new BreakdownPolicy(MissingHistory.AVERAGE_OF_OTHERS);
    }
}
