package com.example.mkt.planning.plan;

import java.math.BigDecimal;

/**
 * One line of a plan's budget: either a fixed {@code amount}, or {@code percent} of a sales target. The base of a
 * percentage is an explicit {@code base} amount, or the target value of the plan's goal {@code baseGoalId} (then
 * {@code base} is that value, resolved when the content is read, null when no such goal exists).
 *
 * @param id     optional; lets versions be compared line by line
 * @param item   what the money is for, e.g. "广告费"
 * @param amount CNY; null for a percentage line
 */
public record BudgetLine(String id, String item, BigDecimal amount, BigDecimal percent, BigDecimal base,
        String baseGoalId) {

    public boolean isShare() {
        return amount == null;
    }

    /** The line's amount in CNY: the fixed amount, or the share of its base; null when the base is unknown. */
    public BigDecimal computedAmount() {
        if (!isShare()) {
            return amount.setScale(Math.max(2, amount.scale()));
        }
        return Budget.share(base, percent);
    }
}
