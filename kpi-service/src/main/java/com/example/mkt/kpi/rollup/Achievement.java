package com.example.mkt.kpi.rollup;

import com.example.mkt.kpi.definition.Aggregation;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.definition.KpiUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * A KPI's actual against its target ("指标达成率", docs/domain.md#kpi-definitions).
 *
 * <p>The rate is always actual ÷ target; whether it is good depends on the KPI: for spending against budget (lower is
 * better) 80% means under budget. {@link #met()} is direction-aware and counts exactly-on-target as met.
 *
 * @param rate empty when the target is zero (no meaningful percentage)
 */
public record Achievement(BigDecimal actual, BigDecimal target, Optional<BigDecimal> rate, boolean met) {

    public Achievement {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(rate, "rate");
    }

    public static Achievement of(KpiDefinition kpi, BigDecimal actual, BigDecimal target) {
        Optional<BigDecimal> rate = target.signum() == 0
                ? Optional.empty()
                // rounded down: 89,999.99 of 90,000 is not shown as 100 %
                : Optional.of(actual.divide(target, KpiUnit.RATE.scale(), RoundingMode.DOWN));
        return new Achievement(actual, target, rate, kpi.direction().meets(actual, target));
    }

    /**
     * The achievement of a group from its members' actuals and targets: sum(actual) ÷ sum(target), never the mean
     * of the members' rates. Only meaningful for additive (SUM) KPIs.
     */
    public static Achievement ofTotals(KpiDefinition kpi, Collection<Achievement> members) {
        if (kpi.aggregation() != Aggregation.SUM) {
            throw new IllegalArgumentException(kpi.code() + " is a rate; totals of rates are meaningless");
        }
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal target = BigDecimal.ZERO;
        for (Achievement m : members) {
            actual = actual.add(m.actual());
            target = target.add(m.target());
        }
        return of(kpi, actual, target);
    }
}
