package com.example.mkt.planning.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A plan's budget in CNY: a fixed amount, or a share of the sales target, the way most companies derive the
 * marketing budget ("明年销售目标额的比例提成"), or several {@link Lines lines}, each one of
 * the two (advertising 3 % of the sales target, a trade fair at a fixed 50,000.00, ...).
 */
public sealed interface Budget {

    /** The budget's total; null when a part of it cannot be computed (the validator names the part). */
    BigDecimal amount();

    record Fixed(BigDecimal amount) implements Budget {
    }

    /** {@code percent} of {@code salesTarget}; e.g. 5.00 % of 18,000,000.00 is 900,000.00. */
    record ShareOfSalesTarget(BigDecimal salesTarget, BigDecimal percent) implements Budget {

        @Override
        public BigDecimal amount() {
            return share(salesTarget, percent);
        }
    }

    /** Several budget lines; the total is their sum. */
    record Lines(List<BudgetLine> lines) implements Budget {

        public Lines {
            // Nulls stay in so the validator can name them.
            lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
        }

        @Override
        public BigDecimal amount() {
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (BudgetLine line : lines) {
                BigDecimal amount = line == null ? null : line.computedAmount();
                if (amount == null) {
                    return null;
                }
                total = total.add(amount);
            }
            return total;
        }
    }

    /** {@code percent} % of {@code base}, in CNY with 2 decimals (HALF_UP). */
    static BigDecimal share(BigDecimal base, BigDecimal percent) {
        if (base == null || percent == null) {
            return null;
        }
        return base.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
}
