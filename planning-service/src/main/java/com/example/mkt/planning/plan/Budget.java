package com.example.mkt.planning.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A plan's budget in CNY: a fixed amount, or a share of the sales target, the way most companies derive the
 * marketing budget ({@code 000:463-477}: "明年销售目标额的比例提成").
 */
public sealed interface Budget {

    BigDecimal amount();

    record Fixed(BigDecimal amount) implements Budget {
    }

    /** {@code percent} of {@code salesTarget}; e.g. 5.00 % of 18,000,000.00 is 900,000.00. */
    record ShareOfSalesTarget(BigDecimal salesTarget, BigDecimal percent) implements Budget {

        @Override
        public BigDecimal amount() {
            return salesTarget.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        }
    }
}
