package com.example.mkt.campaign.target;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A branch against both of its targets.
 *
 * @param startingRate      achieved / starting target in percent, 2 decimals (null if the target is zero)
 * @param budgetRate        achieved / budget target in percent, 2 decimals (null if the target is zero)
 * @param startingReachedAt when the running total last rose to the starting target and stayed there; null if
 *                          it is below now
 * @param budgetReachedAt   the same for the budget target; this orders the speed award
 * @param toStarting        what is still missing to the starting target, zero once reached
 * @param toBudget          what is still missing to the budget target, zero once reached
 */
public record BranchProgress(
        String branch,
        BigDecimal starting,
        BigDecimal budget,
        BigDecimal achieved,
        BigDecimal startingRate,
        BigDecimal budgetRate,
        Instant startingReachedAt,
        Instant budgetReachedAt,
        BigDecimal toStarting,
        BigDecimal toBudget) {

    public boolean startingReached() {
        return startingReachedAt != null;
    }

    public boolean budgetReached() {
        return budgetReachedAt != null;
    }
}
