package com.example.mkt.kpi.rollup;

import com.example.mkt.kpi.definition.Aggregation;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.org.OrgTree;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodCalendar;
import com.example.mkt.kpi.period.PeriodType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Incremental rollup (docs/domain.md#rollups): turns
 * measure deltas into the cell deltas to add, for the unit and every ancestor up to HQ, and for each maintained grain.
 *
 * <p>Period rule: the day of the event in the business zone decides its month, quarter and year; its ISO week is
 * taken from the same day independently. A sale on Thursday 2026-01-01 therefore counts in 2026-01 and in 2026-W01,
 * and one on Wednesday 2025-12-31 in 2025-12 and also in 2026-W01; week cells are never derived from month cells.
 *
 * <p>Pure: nothing is read or written here. {@link #merge} folds a batch into as few cells as it touches, ready for
 * one batched upsert; a sale and its refund in the same batch cancel out and produce no write.
 */
public final class Rollup {

    private final OrgTree orgTree;
    private final KpiCatalogue catalogue;
    private final PeriodCalendar calendar;
    private final RollupPolicy policy;

    /** The tree this batch rolls up along; the batch's events derive targets along the same one. */
    public OrgTree orgTree() {
        return orgTree;
    }

    public Rollup(OrgTree orgTree, KpiCatalogue catalogue, PeriodCalendar calendar, RollupPolicy policy) {
        this.orgTree = Objects.requireNonNull(orgTree, "orgTree");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Why a delta cannot be rolled up, or empty when it can. Lets the caller reject one event, not a batch. */
    public Optional<String> rejection(MeasureDelta delta) {
        if (!orgTree.contains(delta.orgUnit())) {
            return Optional.of("unknown org unit: " + delta.orgUnit());
        }
        Optional<KpiDefinition> kpi = catalogue.find(delta.kpiCode());
        if (kpi.isEmpty()) {
            return Optional.of("unknown KPI: " + delta.kpiCode());
        }
        if (kpi.get().isDerivedFromTarget()) {
            return Optional.of(delta.kpiCode() + " is computed from " + kpi.get().achievementOf()
                    + " and its target, not measured");
        }
        if (kpi.get().aggregation() == Aggregation.SUM && delta.denominator().signum() != 0) {
            return Optional.of(delta.kpiCode() + " is a sum and takes no denominator");
        }
        return Optional.empty();
    }

    /** The cells one delta touches, each with the full delta. */
    public List<CellDelta> cellsFor(MeasureDelta delta) {
        requireValid(delta);
        LocalDate day = calendar.dayOf(delta.occurredAt());
        List<CellDelta> cells = new ArrayList<>();
        for (String unit : orgTree.selfAndAncestors(delta.orgUnit())) {
            for (PeriodType type : PeriodType.values()) {
                if (policy.periodTypes().contains(type)) {
                    CellKey key = new CellKey(unit, Period.containing(day, type), delta.kpiCode());
                    cells.add(new CellDelta(key, delta.numerator(), delta.denominator()));
                }
            }
        }
        return List.copyOf(cells);
    }

    /**
     * All cell deltas of a batch, summed per cell, in {@link CellKey} order, without cells whose net change is zero.
     *
     * <p>The batch is first summed per unit, KPI and business day, then each of those sums is spread over the unit's
     * ancestors and grains: a batch of 2,000 sales at 11 branches over a day or two touches a few dozen such days,
     * so the ancestors and periods are worked out a few dozen times instead of 2,000. Sums of BigDecimals are exact
     * in any order, so the cells are the same as when each delta was spread on its own.
     *
     * @throws IllegalArgumentException if any delta has a {@link #rejection}; filter those out first
     */
    public List<CellDelta> merge(Collection<MeasureDelta> deltas) {
        Map<UnitDay, BigDecimal[]> perDay = new HashMap<>();
        for (MeasureDelta delta : deltas) {
            requireValid(delta);
            UnitDay key = new UnitDay(delta.orgUnit(), delta.kpiCode(), calendar.dayOf(delta.occurredAt()));
            add(perDay.computeIfAbsent(key, k -> zeros()), delta.numerator(), delta.denominator());
        }
        Map<CellKey, BigDecimal[]> sums = new TreeMap<>();
        Map<LocalDate, List<Period>> periods = new HashMap<>();
        perDay.forEach((day, sum) -> {
            List<Period> grains = periods.computeIfAbsent(day.day(), this::grains);
            for (String unit : orgTree.selfAndAncestors(day.orgUnit())) {
                for (Period period : grains) {
                    add(sums.computeIfAbsent(new CellKey(unit, period, day.kpiCode()), k -> zeros()), sum[0], sum[1]);
                }
            }
        });
        List<CellDelta> merged = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> {
            CellDelta cell = new CellDelta(key, sum[0], sum[1]);
            if (!cell.isNoOp()) {
                merged.add(cell);
            }
        });
        return List.copyOf(merged);
    }

    /**
     * The staff cells of a batch: for every fact naming a staff member, that person's cell at the fact's own unit
     * for each of the {@link StaffGrains} (not along the ancestors: a subtree's ranking sums its units' rows).
     * Summed per cell, in {@link StaffCellKey} order, without cells whose net change is zero. Summed per person and day first, as in
     * {@link #merge}.
     */
    public List<StaffCellDelta> mergeStaff(Collection<Fact> facts) {
        Map<StaffDay, BigDecimal[]> perDay = new HashMap<>();
        for (Fact fact : facts) {
            if (fact.staffId() == null || fact.staffId().isBlank()) {
                continue;
            }
            requireValid(fact.delta());
            StaffDay key = new StaffDay(fact.kpiCode(), fact.staffId(), fact.orgUnit(),
                    calendar.dayOf(fact.occurredAt()));
            add(perDay.computeIfAbsent(key, k -> zeros()), fact.numerator(), fact.denominator());
        }
        Map<StaffCellKey, BigDecimal[]> sums = new TreeMap<>();
        Map<LocalDate, List<Period>> periods = new HashMap<>();
        perDay.forEach((day, sum) -> {
            for (Period period : periods.computeIfAbsent(day.day(), StaffGrains::containing)) {
                StaffCellKey key = new StaffCellKey(day.kpiCode(), day.staffId(), day.orgUnit(), period);
                add(sums.computeIfAbsent(key, k -> zeros()), sum[0], sum[1]);
            }
        });
        List<StaffCellDelta> merged = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> {
            StaffCellDelta cell = new StaffCellDelta(key, sum[0], sum[1]);
            if (!cell.isNoOp()) {
                merged.add(cell);
            }
        });
        return List.copyOf(merged);
    }

    /** The maintained grains' periods containing {@code day}, in {@link PeriodType} order. */
    private List<Period> grains(LocalDate day) {
        List<Period> grains = new ArrayList<>(PeriodType.values().length);
        for (PeriodType type : PeriodType.values()) {
            if (policy.periodTypes().contains(type)) {
                grains.add(Period.containing(day, type));
            }
        }
        return grains;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static void add(BigDecimal[] sum, BigDecimal numerator, BigDecimal denominator) {
        sum[0] = sum[0].add(numerator);
        sum[1] = sum[1].add(denominator);
    }

    private record UnitDay(String orgUnit, String kpiCode, LocalDate day) {
    }

    private record StaffDay(String kpiCode, String staffId, String orgUnit, LocalDate day) {
    }

    private void requireValid(MeasureDelta delta) {
        rejection(delta).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }
}
