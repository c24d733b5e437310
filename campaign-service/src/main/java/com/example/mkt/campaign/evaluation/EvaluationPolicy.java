package com.example.mkt.campaign.evaluation;

import java.math.BigDecimal;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Configurable parts of the evaluation (docs/domain.md#campaign-evaluation).
 *
 * @param retentionWindow      a buyer is retained when they buy again within this long after the campaign
 *                             ("用户保有情况"); 90 days by default
 * @param startingUplift       next starting target = actual x (1 + this)
 * @param budgetUplift         next budget target = actual x (1 + this); larger, as budget targets are
 *                             (the reference campaign's are 200/150 = 1.33 of the starting ones)
 * @param carryMissedTargets   a branch that missed a target gets at least the same target again, rather than
 *                             a lower one earned by missing it
 * @param roundingUnit         next targets are rounded up to this unit (the reference campaign's targets are whole 万元)
 * @param zone                 the business zone the retention window is counted in
 */
public record EvaluationPolicy(
        Period retentionWindow,
        BigDecimal startingUplift,
        BigDecimal budgetUplift,
        boolean carryMissedTargets,
        BigDecimal roundingUnit,
        ZoneId zone) {

    public EvaluationPolicy {
        Objects.requireNonNull(retentionWindow, "retentionWindow");
        Objects.requireNonNull(startingUplift, "startingUplift");
        Objects.requireNonNull(budgetUplift, "budgetUplift");
        Objects.requireNonNull(roundingUnit, "roundingUnit");
        Objects.requireNonNull(zone, "zone");
        if (roundingUnit.signum() <= 0) {
            throw new IllegalArgumentException("roundingUnit must be positive");
        }
        if (budgetUplift.compareTo(startingUplift) < 0) {
            throw new IllegalArgumentException("the budget uplift cannot be below the starting uplift");
        }
    }

    public static EvaluationPolicy defaults() {
        return new EvaluationPolicy(Period.ofDays(90), new BigDecimal("0.10"), new BigDecimal("0.30"), true,
                new BigDecimal("10000.00"), ZoneId.of("Asia/Shanghai"));
    }
}
