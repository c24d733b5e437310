package com.example.mkt.kpi.measurement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.kpi.config.KpiConfig;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.definition.KpiUnit;
import com.example.mkt.kpi.org.OrgUnits;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodCalendar;
import com.example.mkt.kpi.rollup.Achievement;
import com.example.mkt.kpi.rollup.CellStore;
import com.example.mkt.kpi.rollup.Values;
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
        if (periods.isEmpty()) {
            return List.of();
        }
        String stored = storedCode(kpi);
        try (Connection c = dataSource.getConnection()) {
            OrgUnits.Snapshot org = OrgUnits.load(c);
            Period from = periods.get(0);
            Period to = periods.get(periods.size() - 1);
            Map<String, CellStore.Sums> cells = CellStore.series(c, stored, unit, from, to);
            KpiDefinition targeted = catalogue.require(stored);
            Map<String, Map<String, BigDecimal>> set = targetSeries(c, stored,
                    TargetRollup.withDescendants(org.tree(), targeted, List.of(unit)), from, to);
            List<Measurement> out = new ArrayList<>(periods.size());
            for (Period p : periods) {
                TargetRollup.Effective target = TargetRollup.resolve(org.tree(), targeted, List.of(unit),
                        set.getOrDefault(p.key(), Map.of())).get(unit);
                out.add(measure(kpi, unit, org, p, cells.get(p.key()), target));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Many units at one period, in the order given. */
    public List<Measurement> atPeriod(KpiDefinition kpi, List<String> units, Period period) {
        String stored = storedCode(kpi);
        try (Connection c = dataSource.getConnection()) {
            OrgUnits.Snapshot org = OrgUnits.load(c);
            Map<String, CellStore.Sums> cells = CellStore.atPeriod(c, stored, period, units);
            KpiDefinition targeted = catalogue.require(stored);
            Map<String, TargetRollup.Effective> targets = TargetRollup.resolve(org.tree(), targeted, units,
                    targetsAt(c, stored, period, TargetRollup.withDescendants(org.tree(), targeted, units)));
            List<Measurement> out = new ArrayList<>(units.size());
            for (String unit : units) {
                out.add(measure(kpi, unit, org, period, cells.get(unit), targets.get(unit)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value a measurement is ranked by; empty when there is none (a rate without a denominator). */
    /** What a measurement ranks by: its exact value (a rate from its numerator and denominator, not as shown). */
    public static Optional<BigDecimal> rankValue(KpiDefinition kpi, Measurement m) {
        if (m.value() == null) {
            return Optional.empty();
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

    /** Targets set for the units over one grain's periods starting within [from, to]: period key → unit → value. */
    private static Map<String, Map<String, BigDecimal>> targetSeries(Connection c, String kpi,
            Collection<String> units, Period from, Period to) throws SQLException {
        Map<String, Map<String, BigDecimal>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT period_key, org_unit, value FROM kpi_target"
                + " WHERE kpi_code = ? AND org_unit = ANY(?) AND period_type = ? AND period_start BETWEEN ? AND ?")) {
            ps.setString(1, kpi);
            ps.setArray(2, c.createArrayOf("text", units.toArray(String[]::new)));
            ps.setString(3, from.type().name());
            ps.setObject(4, from.startDate());
            ps.setObject(5, to.startDate());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            rs.getBigDecimal(3));
                }
            }
        }
        return out;
    }

    private static Map<String, BigDecimal> targetsAt(Connection c, String kpi, Period period, Collection<String> units)
            throws SQLException {
        Map<String, BigDecimal> out = new HashMap<>();
        if (units.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT org_unit, value FROM kpi_target WHERE kpi_code = ?"
                + " AND period_key = ? AND org_unit = ANY(?)")) {
            ps.setString(1, kpi);
            ps.setString(2, period.key());
            ps.setArray(3, c.createArrayOf("text", units.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        }
        return out;
    }

}
