package com.example.mkt.kpi.measurement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.kpi.config.KpiConfig;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.definition.KpiUnit;
import com.example.mkt.kpi.org.OrgUnits;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodCalendar;
import com.example.mkt.kpi.ranking.Ranked;
import com.example.mkt.kpi.ranking.Ranking;
import com.example.mkt.kpi.rollup.Achievement;
import com.example.mkt.kpi.rollup.CellStore;
import com.example.mkt.kpi.rollup.Values;
import com.example.mkt.kpi.target.EffectiveTargets;
import com.example.mkt.kpi.target.TargetRollup;

/**
 * Reads cells and targets into {@link Measurement}s. Each query reads the cells it shows in one statement and their
 * targets in another, whatever the number of units or periods.
 *
 * <p>The achievement KPI has no cells of its own: it is its base KPI's actual ÷ that KPI's target, at read time, so a
 * changed target never leaves stale rates behind.
 */
@ApplicationScoped
public class Measurements {

    private final DataSource dataSource;
    private final KpiCatalogue catalogue;
    private final PeriodCalendar calendar;
    private final KpiConfig config;

    public Measurements(DataSource dataSource, KpiCatalogue catalogue, PeriodCalendar calendar, KpiConfig config) {
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.config = config;
    }

    /** One unit over consecutive periods of one grain. */
    public List<Measurement> series(KpiDefinition kpi, String unit, List<Period> periods) {
        try (Connection c = dataSource.getConnection()) {
            return series(c, OrgUnits.load(c), kpi, unit, periods);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #series(KpiDefinition, String, List)} on a connection and org snapshot the caller shares across reads. */
    public List<Measurement> series(Connection c, OrgUnits.Snapshot org, KpiDefinition kpi, String unit,
            List<Period> periods) throws SQLException {
        if (periods.isEmpty()) {
            return List.of();
        }
        String stored = storedCode(kpi);
        Period from = periods.get(0);
        Period to = periods.get(periods.size() - 1);
        Map<String, CellStore.Sums> cells = CellStore.series(c, stored, unit, from, to);
        KpiDefinition targeted = catalogue.require(stored);
        List<EffectiveTargets.Cell> asked = periods.stream()
                .map(p -> new EffectiveTargets.Cell(stored, unit, p)).toList();
        Map<EffectiveTargets.Cell, TargetRollup.Effective> targets = EffectiveTargets.of(c, org.tree(), catalogue,
                asked, TargetRollup.withDescendants(org.tree(), targeted, List.of(unit)));
        List<Measurement> out = new ArrayList<>(periods.size());
        for (EffectiveTargets.Cell cell : asked) {
            out.add(measure(kpi, unit, org, cell.period(), cells.get(cell.period().key()), targets.get(cell)));
        }
        return out;
    }

    /** Many units at one period, in the order given. */
    public List<Measurement> atPeriod(KpiDefinition kpi, List<String> units, Period period) {
        try (Connection c = dataSource.getConnection()) {
            return atPeriod(c, OrgUnits.load(c), kpi, units, period);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #atPeriod(KpiDefinition, List, Period)} on a connection and org snapshot the caller shares. */
    public List<Measurement> atPeriod(Connection c, OrgUnits.Snapshot org, KpiDefinition kpi, List<String> units,
            Period period) throws SQLException {
        String stored = storedCode(kpi);
        Map<String, CellStore.Sums> cells = CellStore.atPeriod(c, stored, period, units);
        KpiDefinition targeted = catalogue.require(stored);
        Map<EffectiveTargets.Cell, TargetRollup.Effective> targets = EffectiveTargets.of(c, org.tree(), catalogue,
                units.stream().map(u -> new EffectiveTargets.Cell(stored, u, period)).toList(),
                TargetRollup.withDescendants(org.tree(), targeted, units));
        List<Measurement> out = new ArrayList<>(units.size());
        for (String unit : units) {
            out.add(measure(kpi, unit, org, period, cells.get(unit),
                    targets.get(new EffectiveTargets.Cell(stored, unit, period))));
        }
        return out;
    }

    /**
     * Units' measurements ranked by the KPI, best first by its direction; ties share a rank. Units without a value (a
     * rate with nothing to measure) follow the ranked ones, by unit code, without a rank.
     */
    public static List<Measurement> ranked(KpiDefinition kpi, List<Measurement> all) {
        Map<String, Measurement> byUnit = new HashMap<>();
        Map<String, BigDecimal> values = new TreeMap<>();
        for (Measurement m : all) {
            byUnit.put(m.orgUnit(), m);
            rankValue(kpi, m).ifPresent(v -> values.put(m.orgUnit(), v));
        }
        List<Measurement> ordered = new ArrayList<>(all.size());
        for (Ranked<String> r : Ranking.rank(values, kpi.direction())) {
            ordered.add(byUnit.get(r.subject()).withRank(r.rank()));
        }
        all.stream().filter(m -> !values.containsKey(m.orgUnit())).sorted(Comparator.comparing(Measurement::orgUnit))
                .forEach(ordered::add);
        return ordered;
    }

    /**
     * What a measurement ranks by: its exact value, empty when there is none (a rate without a denominator). A rate
     * from its numerator and denominator, the achievement rate from actual ÷ target: never as shown (rounded down to
     * 4 places, 0.99999 and 0.9999 would tie).
     */
    public static Optional<BigDecimal> rankValue(KpiDefinition kpi, Measurement m) {
        if (m.value() == null) {
            return Optional.empty();
        }
        if (kpi.isDerivedFromTarget() && m.numerator() != null && m.denominator() != null
                && new BigDecimal(m.denominator()).signum() != 0) {
            return Optional.of(new BigDecimal(m.numerator()).divide(new BigDecimal(m.denominator()),
                    new java.math.MathContext(60, java.math.RoundingMode.HALF_EVEN)));
        }
        if (m.numerator() == null || kpi.isDerivedFromTarget()) {
            return Optional.of(new BigDecimal(m.value()));
        }
        return kpi.exactValueOf(new BigDecimal(m.numerator()), m.denominator() == null ? null : new BigDecimal(m.denominator()));
    }

    private String storedCode(KpiDefinition kpi) {
        return kpi.isDerivedFromTarget() ? kpi.achievementOf() : kpi.code();
    }

    private Measurement measure(KpiDefinition kpi, String unit, OrgUnits.Snapshot org, Period period,
            CellStore.Sums sums, TargetRollup.Effective effective) {
        CellStore.Sums s = sums == null ? CellStore.Sums.ZERO : sums;
        BigDecimal target = effective == null ? null : effective.value();
        String targetSource = effective == null ? null : effective.source().name();
        String parent = org.tree().contains(unit) ? org.tree().parent(unit).orElse(null) : null;
        String start = calendar.start(period).atZone(calendar.zone()).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String end = calendar.end(period).atZone(calendar.zone()).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        if (kpi.isDerivedFromTarget()) {
            KpiDefinition base = catalogue.require(kpi.achievementOf());
            BigDecimal actual = Values.value(base, s).orElse(BigDecimal.ZERO);
            String rate = null;
            Boolean met = null;
            if (target != null) {
                Achievement a = Achievement.of(base, actual, target);
                rate = a.rate().map(r -> Values.format(KpiUnit.RATE, r)).orElse(null);
                met = a.met();
            }
            return new Measurement(kpi.code(), unit, org.name(unit), parent, period.key(), period.type().name(), start,
                    end, rate, Values.format(base.unit(), actual), Values.format(base.unit(), target),
                    kpi.unit().name(), null, null, targetSource, rate, met, null);
        }
        Optional<BigDecimal> value = Values.value(kpi, s);
        String achievement = null;
        Boolean met = null;
        if (target != null && value.isPresent()) {
            Achievement a = Achievement.of(kpi, value.get(), target);
            achievement = a.rate().map(r -> Values.format(KpiUnit.RATE, r)).orElse(null);
            met = a.met();
        }
        boolean ratio = kpi.denominator() != null;
        return new Measurement(kpi.code(), unit, org.name(unit), parent, period.key(), period.type().name(), start, end,
                value.map(v -> Values.format(kpi.unit(), v)).orElse(null),
                ratio ? Values.plain(s.numerator()) : Values.format(kpi.unit(), s.numerator()),
                ratio ? Values.plain(s.denominator()) : null, kpi.unit().name(),
                kpi.unit() == KpiUnit.MONEY ? config.currency() : null,
                target == null ? null : Values.format(kpi.unit(), target), targetSource, achievement, met, null);
    }
}
