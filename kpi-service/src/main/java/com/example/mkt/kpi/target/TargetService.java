package com.example.mkt.kpi.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.kpi.definition.Aggregation;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.measurement.Measurement;
import com.example.mkt.kpi.measurement.Measurements;
import com.example.mkt.kpi.org.OrgTree;
import com.example.mkt.kpi.org.OrgUnits;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodType;
import com.example.mkt.kpi.rollup.CellKey;
import com.example.mkt.kpi.rollup.CellStore;
import com.example.mkt.kpi.rollup.KpiEvents;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.problem.ApiException;

/** Setting targets, breaking them down to child units, checking that children add up, and suggesting one. */
@ApplicationScoped
public class TargetService {

    public enum Method {
        /** Equal shares (rates: every child inherits the parent's rate). */
        EVEN,
        /** Shares proportional to each child's actual of the same period one year earlier. */
        LAST_YEAR,
        /**
         * Not to child units but to the same unit's sub-periods one grain finer (year → quarters, quarter → months,
         * month → its ISO weeks by days); see {@link PeriodBreakdown}.
         */
        EVEN_PERIODS
    }

    /**
     * Whether the children's targets add up to the parent's: the child units' at the same period
     * ({@code childrenSum}..{@code childrenWithoutTarget}), and the same unit's sub-periods one grain finer
     * ({@code periodsSum}..{@code periodsWithoutTarget}; a week has none). Sums and differences only for additive KPIs.
     */
    public record Check(boolean additive, String parentValue, String childrenSum, String difference,
                        boolean consistent, List<String> childrenWithoutTarget, String periodsSum,
                        String periodsDifference, boolean periodsConsistent, List<String> periodsWithoutTarget) {
    }

    private final KpiCatalogue catalogue;
    private final TargetBreakdown breakdown;
    private final TargetSuggester suggester;
    private final Measurements measurements;
    private final OrgUnits orgUnits;
    private final DataSource dataSource;
    private final KpiEvents events;
    private final Outbox outbox;

    public TargetService(KpiCatalogue catalogue, TargetBreakdown breakdown, TargetSuggester suggester,
            Measurements measurements, OrgUnits orgUnits, DataSource dataSource, KpiEvents events, Outbox outbox) {
        this.catalogue = catalogue;
        this.breakdown = breakdown;
        this.suggester = suggester;
        this.measurements = measurements;
        this.orgUnits = orgUnits;
        this.dataSource = dataSource;
        this.events = events;
        this.outbox = outbox;
    }

    /**
     * Re-publishes the cells whose target changed, so that a consumer of {@code kpi.measured} (plan goals) sees the
     * new target and achievement now rather than at the next sale. For an additive KPI that is also every ancestor
     * (its derived target may be this one's sum) and, for a week, the month it belongs to (derived from its weeks).
     */
    private void announce(List<TargetEntity> targets) {
        TargetEntity.getEntityManager().flush();
        try (Connection c = dataSource.getConnection()) {
            OrgTree tree = OrgUnits.load(c).tree();
            Map<String, Set<String>> byGroup = new java.util.TreeMap<>();
            for (TargetEntity t : targets) {
                KpiDefinition kpi = catalogue.require(t.kpiCode);
                Period period = Period.parse(t.periodKey);
                List<Period> periods = new ArrayList<>(List.of(period));
                boolean derives = TargetRollup.derives(kpi);
                if (derives && period.type() == PeriodType.WEEK) {
                    period.parent().ifPresent(periods::add);
                }
                List<String> units = derives && tree.contains(t.orgUnit) ? tree.selfAndAncestors(t.orgUnit)
                        : List.of(t.orgUnit);
                for (Period p : periods) {
                    byGroup.computeIfAbsent(t.kpiCode + "\u001f" + p.key(), k -> new java.util.LinkedHashSet<>())
                            .addAll(units);
                }
            }
            List<CellStore.Changed> cells = new ArrayList<>();
            for (Map.Entry<String, Set<String>> group : byGroup.entrySet()) {
                String[] kp = group.getKey().split("\u001f");
                Period period = Period.parse(kp[1]);
                List<String> units = List.copyOf(group.getValue());
                Map<String, CellStore.Sums> sums = CellStore.atPeriod(c, kp[0], period, units);
                for (String unit : units) {
                    CellStore.Sums now = sums.getOrDefault(unit, CellStore.Sums.ZERO);
                    cells.add(new CellStore.Changed(new CellKey(unit, period, kp[0]), now, now));
                }
            }
            List<OutboundEvent> out = events.forChanges(c, tree, cells);
            if (!out.isEmpty()) {
                outbox.publishAll(out);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The KPI a target can be set for: a measured one, not the achievement rate derived from targets. */
    public KpiDefinition targetable(String code) {
        KpiDefinition kpi = catalogue.find(code).orElseThrow(() -> ApiException.unprocessable("kpi", "unknown KPI " + code));
        if (kpi.isDerivedFromTarget()) {
            throw ApiException.unprocessable("kpi", code + " is computed from the targets of " + kpi.achievementOf());
        }
        return kpi;
    }

    /** A target value at the KPI's scale: cents for money, whole numbers for counts, 4 decimals for rates. */
    public static BigDecimal value(KpiDefinition kpi, String raw) {
        BigDecimal v = new BigDecimal(raw);
        if (v.stripTrailingZeros().scale() > kpi.unit().scale()) {
            throw ApiException.invalid("value", "at most " + kpi.unit().scale() + " decimals for a " + kpi.unit());
        }
        return v.setScale(kpi.unit().scale(), RoundingMode.UNNECESSARY);
    }

    @Transactional
    public TargetEntity create(KpiDefinition kpi, String orgUnit, Period period, BigDecimal value, String by) {
        if (find(kpi.code(), orgUnit, period).isPresent()) {
            throw ApiException.conflict("a target for " + kpi.code() + " at " + orgUnit + " in " + period.key()
                    + " exists; update it instead");
        }
        TargetEntity t = insert(kpi, orgUnit, period, value, by);
        TargetEntity.getEntityManager().flush();
        announce(List.of(t));
        return t;
    }

    @Transactional
    public TargetEntity update(String id, String ifMatch, BigDecimal value, String by) {
        // locked, so that two updates with the same ETag cannot both pass the check
        TargetEntity t = TargetEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireMatch(ifMatch, t.version);
        t.value = value;
        t.updatedAt = now();
        t.updatedBy = by;
        TargetEntity.getEntityManager().flush();
        announce(List.of(t));
        return t;
    }

    /** Sets the targets of the unit's direct children from its own; existing child targets are overwritten. */
    @Transactional
    public List<TargetEntity> breakDown(TargetEntity parent, Method method, String by) {
        KpiDefinition kpi = catalogue.require(parent.kpiCode);
        Period period = Period.parse(parent.periodKey);
        if (method == Method.EVEN_PERIODS) {
            return breakDownPeriods(kpi, parent, period, by);
        }
        OrgTree tree = orgUnits.load().tree();
        List<String> children = tree.contains(parent.orgUnit) ? List.copyOf(tree.children(parent.orgUnit)) : List.of();
        if (children.isEmpty()) {
            throw ApiException.unprocessable("orgUnit", parent.orgUnit + " has no child units to break down to");
        }
        Map<String, BigDecimal> shares;
        if (method == Method.EVEN) {
            shares = breakdown.evenly(kpi, parent.value, children);
        } else {
            Map<String, BigDecimal> lastYear = new HashMap<>();
            Optional<Period> previous = sameLastYear(period);
            if (previous.isPresent()) {
                for (Measurement m : measurements.atPeriod(kpi, children, previous.get())) {
                    // a child with no sales last year has no history: the policy decides its weight
                    if (m.value() != null && new BigDecimal(m.value()).signum() != 0) {
                        lastYear.put(m.orgUnit(), new BigDecimal(m.value()));
                    }
                }
            }
            shares = breakdown.byLastYear(kpi, parent.value, children, lastYear);
        }
        Map<List<String>, BigDecimal> values = new LinkedHashMap<>();
        shares.forEach((unit, value) -> values.put(List.of(unit, period.key()), value));
        List<TargetEntity> out = upsert(kpi, values, by);
        TargetEntity.getEntityManager().flush();
        announce(out);
        return out;
    }

    /** Sets the same unit's sub-period targets from this one; existing ones are overwritten. */
    private List<TargetEntity> breakDownPeriods(KpiDefinition kpi, TargetEntity parent, Period period, String by) {
        if (period.children().isEmpty()) {
            throw ApiException.unprocessable("method", parent.periodKey + " is a " + period.type().name().toLowerCase()
                    + ", which has no sub-periods (targets are not broken down to days)");
        }
        Map<List<String>, BigDecimal> values = new LinkedHashMap<>();
        PeriodBreakdown.of(kpi, parent.value, period).forEach((sub, value) -> values.put(List.of(parent.orgUnit,
                sub.key()), value));
        List<TargetEntity> out = upsert(kpi, values, by);
        TargetEntity.getEntityManager().flush();
        announce(out);
        return out;
    }

    /**
     * Sets each (orgUnit, periodKey) target to its value, overwriting existing ones: those are read and locked in
     * one query, the rest inserted.
     */
    private List<TargetEntity> upsert(KpiDefinition kpi, Map<List<String>, BigDecimal> values, String by) {
        Map<List<String>, TargetEntity> existing = new HashMap<>();
        TargetEntity.<TargetEntity>find("kpiCode = ?1 and orgUnit in ?2 and periodKey in ?3", kpi.code(),
                values.keySet().stream().map(k -> k.get(0)).distinct().toList(),
                values.keySet().stream().map(k -> k.get(1)).distinct().toList())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(t -> existing.put(List.of(t.orgUnit, t.periodKey), t));
        List<TargetEntity> out = new ArrayList<>();
        values.forEach((key, value) -> {
            TargetEntity t = existing.get(key);
            if (t == null) {
                out.add(insert(kpi, key.get(0), Period.parse(key.get(1)), value, by));
            } else {
                t.value = value;
                t.updatedAt = now();
                t.updatedBy = by;
                out.add(t);
            }
        });
        return out;
    }

    public Check check(TargetEntity parent) {
        KpiDefinition kpi = catalogue.require(parent.kpiCode);
        OrgTree tree = orgUnits.load().tree();
        List<String> children = tree.contains(parent.orgUnit) ? List.copyOf(tree.children(parent.orgUnit)) : List.of();
        List<TargetEntity> targets = children.isEmpty() ? List.of()
                : TargetEntity.list("kpiCode = ?1 and periodKey = ?2 and orgUnit in ?3", parent.kpiCode,
                        parent.periodKey, children);
        List<String> without = new ArrayList<>(children);
        targets.forEach(t -> without.remove(t.orgUnit));
        List<String> subPeriods = Period.parse(parent.periodKey).children().stream().map(Period::key).toList();
        List<TargetEntity> periodTargets = subPeriods.isEmpty() ? List.of()
                : TargetEntity.list("kpiCode = ?1 and orgUnit = ?2 and periodKey in ?3", parent.kpiCode,
                        parent.orgUnit, subPeriods);
        List<String> periodsWithout = new ArrayList<>(subPeriods);
        periodTargets.forEach(t -> periodsWithout.remove(t.periodKey));
        if (kpi.aggregation() != Aggregation.SUM) {
            // a rate is not additive: each child carries its own rate, there is no sum to check
            return new Check(false, format(kpi, parent.value), null, null, without.isEmpty(), List.copyOf(without),
                    null, null, periodsWithout.isEmpty(), List.copyOf(periodsWithout));
        }
        BigDecimal sum = targets.stream().map(t -> t.value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = sum.subtract(parent.value);
        BigDecimal periodSum = periodTargets.stream().map(t -> t.value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal periodDifference = periodSum.subtract(parent.value);
        boolean hasPeriods = !subPeriods.isEmpty();
        return new Check(true, format(kpi, parent.value), format(kpi, sum), format(kpi, difference),
                difference.signum() == 0 && without.isEmpty(), List.copyOf(without),
                hasPeriods ? format(kpi, periodSum) : null, hasPeriods ? format(kpi, periodDifference) : null,
                hasPeriods && periodDifference.signum() == 0 && periodsWithout.isEmpty(), List.copyOf(periodsWithout));
    }

    /** Next year's target from the unit's yearly actuals; empty when there is nothing to grow from. */
    public Optional<SuggestedTarget> suggest(KpiDefinition kpi, String orgUnit, int year, int lookbackYears) {
        List<Period> years = new ArrayList<>();
        for (int y = year - lookbackYears - 1; y <= year - 1; y++) {
            years.add(Period.year(y));
        }
        Map<Integer, BigDecimal> actuals = new HashMap<>();
        for (Measurement m : measurements.series(kpi, orgUnit, years)) {
            if (m.value() != null) {
                actuals.put(Period.parse(m.period()).year(), new BigDecimal(m.value()));
            }
        }
        return suggester.suggest(year, actuals, kpi.unit().scale());
    }

    public static Optional<TargetEntity> find(String kpi, String orgUnit, Period period) {
        return TargetEntity.find("kpiCode = ?1 and orgUnit = ?2 and periodKey = ?3", kpi, orgUnit, period.key())
                .firstResultOptional();
    }

    public static String format(KpiDefinition kpi, BigDecimal v) {
        return v.setScale(kpi.unit().scale(), RoundingMode.HALF_UP).toPlainString();
    }

    private static Optional<Period> sameLastYear(Period p) {
        if (p.type() == PeriodType.WEEK && p.number() > Period.weeksInWeekBasedYear(p.year() - 1)) {
            return Optional.empty();
        }
        if (p.type() == PeriodType.DAY) {
            // the same date a year earlier; 29 February has none
            java.time.LocalDate day = p.startDate();
            return day.getMonthValue() == 2 && day.getDayOfMonth() == 29 ? Optional.empty()
                    : Optional.of(Period.day(day.minusYears(1)));
        }
        return Optional.of(new Period(p.type(), p.year() - 1, p.number()));
    }

    private static TargetEntity insert(KpiDefinition kpi, String orgUnit, Period period, BigDecimal value, String by) {
        TargetEntity t = new TargetEntity();
        t.id = UUID.randomUUID().toString();
        t.kpiCode = kpi.code();
        t.orgUnit = orgUnit;
        t.periodKey = period.key();
        t.periodType = period.type().name();
        t.periodStart = period.startDate();
        t.periodEnd = period.endDateExclusive();
        t.value = value;
        t.createdAt = now();
        t.updatedAt = t.createdAt;
        t.updatedBy = by;
        t.persist();
        return t;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
