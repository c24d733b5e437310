package com.example.mkt.kpi.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.example.mkt.kpi.definition.Aggregation;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodType;

/**
 * Breaks one unit's target down to the sub-periods one grain finer (docs/domain.md#targets: year → quarter → month →
 * week): a year to its 4 quarters, a quarter to its 3 months, a month to the ISO weeks it
 * owns ({@link Period#children()}: the weeks whose Thursday is in the month, so every week belongs to one month).
 *
 * <p>Amounts (SUM KPIs): quarters and months get equal shares; a month's weeks get shares weighted by how many of the
 * month's days each has (January 2026: W01 has 4 of its days, W05 6, the others 7). Every share is rounded down to
 * the KPI's scale (cents for money) and the last period takes the remainder, so the parts add up exactly to the
 * parent. Rates (RATIO KPIs) are not additive: every sub-period inherits the parent's rate.
 */
public final class PeriodBreakdown {

    private PeriodBreakdown() {
    }

    /** The sub-periods' targets in chronological order. */
    public static Map<Period, BigDecimal> of(KpiDefinition kpi, BigDecimal parentTarget, Period period) {
        Objects.requireNonNull(parentTarget, "parent target");
        if (parentTarget.signum() < 0) {
            throw new IllegalArgumentException("a target is never negative: " + parentTarget);
        }
        List<Period> children = period.children();
        if (children.isEmpty()) {
            throw new IllegalArgumentException(period.key() + " is a week, the finest grain");
        }
        int scale = kpi.unit().scale();
        Map<Period, BigDecimal> out = new LinkedHashMap<>();
        if (kpi.aggregation() == Aggregation.RATIO) {
            BigDecimal rate = parentTarget.setScale(scale, RoundingMode.HALF_UP);
            children.forEach(c -> out.put(c, rate));
            return Collections.unmodifiableMap(out);
        }
        long[] weights = new long[children.size()];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = period.type() == PeriodType.MONTH ? daysWithin(children.get(i), period) : 1;
            total += weights[i];
        }
        BigDecimal amount = parentTarget.setScale(scale, RoundingMode.HALF_UP);
        BigDecimal assigned = BigDecimal.ZERO.setScale(scale);
        for (int i = 0; i < weights.length; i++) {
            BigDecimal share = i == weights.length - 1
                    ? amount.subtract(assigned)
                    : amount.multiply(BigDecimal.valueOf(weights[i]))
                            .divide(BigDecimal.valueOf(total), scale, RoundingMode.DOWN);
            out.put(children.get(i), share);
            assigned = assigned.add(share);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Days of {@code child} that lie within {@code parent}. */
    static long daysWithin(Period child, Period parent) {
        var start = child.startDate().isAfter(parent.startDate()) ? child.startDate() : parent.startDate();
        var end = child.endDateExclusive().isBefore(parent.endDateExclusive()) ? child.endDateExclusive()
                : parent.endDateExclusive();
        return Math.max(0, end.toEpochDay() - start.toEpochDay());
    }
}
