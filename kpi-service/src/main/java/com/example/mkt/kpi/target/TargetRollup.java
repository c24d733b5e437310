package com.example.mkt.kpi.target;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.example.mkt.kpi.definition.Aggregation;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.org.OrgTree;

/**
 * The target a unit is measured against in one period (docs/domain.md#targets): its own where one is set, otherwise
 * the sum of its child units' targets, each of them its own or again derived from below. A child without any target
 * adds nothing; a unit none of whose descendants has one has none either.
 *
 * <p>A month without a target of its own whose every ISO week (the weeks it owns: those whose Thursday is in the
 * month) has a target set for the same unit takes the sum of those weeks instead, before the children's sum: the
 * unit's own breakdown says more about the unit than its children's targets do. The caller computes these sums
 * ({@link EffectiveTargets}); here they are one more input, {@code fromWeeks}.
 *
 * <p>Only additive KPIs derive targets. A rate's target is a rate (95 % satisfaction), and rates of children are never
 * averaged into a parent's: a unit measured by a rate has the target set for it or none.
 *
 * <p>Pure: the caller reads the set targets of the units and their descendants in one query ({@link #withDescendants})
 * and resolves them here in memory, so a subtree or a series costs the same statements whatever its size.
 */
public final class TargetRollup {

    /** Where an effective target comes from. */
    public enum Source {
        /** Set for the unit itself. */
        SET,
        /** The sum of the child units' targets. */
        DERIVED
    }

    public record Effective(BigDecimal value, Source source) {
        public Effective {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
        }
    }

    private TargetRollup() {
    }

    /** Whether the KPI's units without a target of their own take their children's sum. */
    public static boolean derives(KpiDefinition kpi) {
        return kpi.aggregation() == Aggregation.SUM;
    }

    /**
     * The units whose set targets decide the given units' effective targets: the units themselves and, for an
     * additive KPI, every unit below them. Units the tree does not know stand for themselves.
     */
    public static Set<String> withDescendants(OrgTree tree, KpiDefinition kpi, Collection<String> units) {
        Set<String> out = new LinkedHashSet<>(units);
        if (!derives(kpi)) {
            return out;
        }
        Deque<String> todo = new ArrayDeque<>(units);
        while (!todo.isEmpty()) {
            String unit = todo.pop();
            if (tree.contains(unit)) {
                for (String child : tree.children(unit)) {
                    if (out.add(child)) {
                        todo.push(child);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Effective targets of the given units at one period, from the targets set at that period (unit → value, for the
     * units of {@link #withDescendants}). Units without an effective target are absent.
     */
    public static Map<String, Effective> resolve(OrgTree tree, KpiDefinition kpi, Collection<String> units,
            Map<String, BigDecimal> set) {
        return resolve(tree, kpi, units, set, Map.of());
    }

    /**
     * As {@link #resolve(OrgTree, KpiDefinition, Collection, Map)}, where {@code fromWeeks} holds, per unit, the sum
     * of its own week targets for a month all of whose weeks have one (empty for other grains). Ignored for rates.
     */
    public static Map<String, Effective> resolve(OrgTree tree, KpiDefinition kpi, Collection<String> units,
            Map<String, BigDecimal> set, Map<String, BigDecimal> fromWeeks) {
        Map<String, Effective> memo = new HashMap<>();
        Map<String, Effective> out = new HashMap<>();
        Map<String, BigDecimal> weeks = derives(kpi) ? fromWeeks : Map.of();
        for (String unit : units) {
            Effective e = effective(tree, derives(kpi), unit, set, weeks, memo);
            if (e != null) {
                out.put(unit, e);
            }
        }
        return out;
    }

    private static Effective effective(OrgTree tree, boolean derives, String unit, Map<String, BigDecimal> set,
            Map<String, BigDecimal> fromWeeks, Map<String, Effective> memo) {
        BigDecimal own = set.get(unit);
        if (own != null) {
            return new Effective(own, Source.SET);
        }
        BigDecimal weeks = fromWeeks.get(unit);
        if (weeks != null) {
            return new Effective(weeks, Source.DERIVED);
        }
        if (!derives || !tree.contains(unit)) {
            return null;
        }
        if (memo.containsKey(unit)) {
            return memo.get(unit);
        }
        BigDecimal sum = null;
        for (String child : tree.children(unit)) {
            Effective e = effective(tree, true, child, set, fromWeeks, memo);
            if (e != null) {
                sum = sum == null ? e.value() : sum.add(e.value());
            }
        }
        Effective result = sum == null ? null : new Effective(sum, Source.DERIVED);
        memo.put(unit, result);
        return result;
    }
}
