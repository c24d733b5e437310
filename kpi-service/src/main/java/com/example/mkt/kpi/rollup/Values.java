package com.example.mkt.kpi.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.definition.KpiUnit;

/** How KPI figures are written in JSON: decimal strings at the unit's scale (money with 2 decimals). */
public final class Values {

    private Values() {
    }

    public static Optional<BigDecimal> value(KpiDefinition kpi, CellStore.Sums sums) {
        return kpi.valueOf(sums.numerator(), sums.denominator());
    }

    public static String format(KpiUnit unit, BigDecimal value) {
        return value == null ? null : value.setScale(unit.scale(), RoundingMode.HALF_UP).toPlainString();
    }

    /** Numerators and denominators of a rate are counts or money, so they keep their own scale. */
    public static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0
                ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
