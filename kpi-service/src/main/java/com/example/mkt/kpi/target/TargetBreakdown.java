package com.example.mkt.kpi.target;

import com.example.mkt.kpi.definition.Aggregation;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.money.Apportionment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Breaks a parent's target down to its children: org units under an org unit, or sub-periods under a period
 * (docs/domain.md#targets: targets "with breakdown to children").
 *
 * <p>Amounts (SUM KPIs) are apportioned so that the children add up exactly to the parent at the KPI's scale: cents
 * for money, whole units for counts (see {@link Apportionment} for the deterministic remainder rule). Rates (RATIO
 * KPIs) are not additive: every child inherits the parent's rate, since a 95% satisfaction target for a region means
 * 95% for each of its branches.
 */
public final class TargetBreakdown {

    private final BreakdownPolicy policy;

    public TargetBreakdown(BreakdownPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Equal shares. */
    public <K extends Comparable<? super K>> Map<K, BigDecimal> evenly(
            KpiDefinition kpi, BigDecimal parentTarget, Collection<K> children) {
        if (kpi.aggregation() == Aggregation.RATIO) {
            return inherit(kpi, parentTarget, children);
        }
        return Apportionment.evenly(requireTarget(parentTarget), children, kpi.unit().scale());
    }

    /**
     * Shares proportional to last year's actuals. A child missing from {@code lastYearActuals} is handled per
     * {@link BreakdownPolicy}; a negative actual (refunds exceeding sales) weighs zero; all-zero weights split evenly.
     */
    public <K extends Comparable<? super K>> Map<K, BigDecimal> byLastYear(
            KpiDefinition kpi, BigDecimal parentTarget, Collection<K> children, Map<K, BigDecimal> lastYearActuals) {
        if (kpi.aggregation() == Aggregation.RATIO) {
            return inherit(kpi, parentTarget, children);
        }
        SortedMap<K, BigDecimal> weights = new TreeMap<>();
        BigDecimal known = BigDecimal.ZERO;
        int knownCount = 0;
        for (K child : children) {
            BigDecimal actual = lastYearActuals.get(child);
            if (actual != null) {
                BigDecimal weight = actual.max(BigDecimal.ZERO);
                weights.put(child, weight);
                known = known.add(weight);
                knownCount++;
            }
        }
        BigDecimal missingWeight = switch (policy.missingHistory()) {
            case ZERO -> BigDecimal.ZERO;
            // 34 digits keep the mean exact enough that it never decides a cent on its own
            case AVERAGE_OF_OTHERS -> knownCount == 0 ? BigDecimal.ONE
                    : known.divide(BigDecimal.valueOf(knownCount), MathContext.DECIMAL128);
        };
        for (K child : children) {
            weights.putIfAbsent(child, missingWeight);
        }
        requireDistinct(children, weights.size());
        return Apportionment.byWeight(requireTarget(parentTarget), weights, kpi.unit().scale());
    }

    private static <K extends Comparable<? super K>> Map<K, BigDecimal> inherit(
            KpiDefinition kpi, BigDecimal parentTarget, Collection<K> children) {
        BigDecimal rate = requireTarget(parentTarget).setScale(kpi.unit().scale(), RoundingMode.HALF_UP);
        SortedMap<K, BigDecimal> shares = new TreeMap<>();
        children.forEach(c -> shares.put(c, rate));
        requireDistinct(children, shares.size());
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("nothing to break down to");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }

    private static void requireDistinct(Collection<?> children, int distinct) {
        if (distinct != children.size()) {
            throw new IllegalArgumentException("duplicate child in " + children);
        }
    }

    private static BigDecimal requireTarget(BigDecimal target) {
        Objects.requireNonNull(target, "parent target");
        if (target.signum() < 0) {
            throw new IllegalArgumentException("a target is never negative: " + target);
        }
        return target;
    }
}
