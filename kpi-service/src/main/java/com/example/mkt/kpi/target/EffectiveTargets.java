package com.example.mkt.kpi.target;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.definition.KpiDefinition;
import com.example.mkt.kpi.org.OrgTree;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodType;

/**
 * The effective targets ({@link TargetRollup}: set, else the month's weeks, else the child units' sum) of many
 * (KPI, unit, period) cells at once, in ONE statement: every target set at the cells' (KPI, period) pairs, and per
 * unit the sum and count of its week targets in the cells' months, summed by PostgreSQL.
 *
 * <p>What it reads is bounded by the org's size times the distinct (KPI, period) pairs asked for, never by the facts
 * or cells stored: the sales path ({@code kpi.measured} per batch) calls it once per batch in place of its set-target
 * lookup, so a batch costs the same number of statements as before.
 */
public final class EffectiveTargets {

    /** One cell asked for. */
    public record Cell(String kpi, String unit, Period period) {
    }

    // Targets set at the asked (KPI, period) pairs, then each unit's weeks summed per asked month. An optional unit
    // filter keeps a read of one subtree from loading the whole org's targets.
    private static final String SQL = """
            SELECT t.kpi_code, t.org_unit, t.period_key, t.value, 0
              FROM kpi_target t JOIN unnest(?::text[], ?::text[]) AS x(k, p)
                ON t.kpi_code = x.k AND t.period_key = x.p %1$s
            UNION ALL
            SELECT t.kpi_code, t.org_unit, w.m, sum(t.value), count(*)
              FROM kpi_target t JOIN unnest(?::text[], ?::text[], ?::text[]) AS w(k, p, m)
                ON t.kpi_code = w.k AND t.period_key = w.p %1$s
             GROUP BY t.kpi_code, t.org_unit, w.m
            """;

    private EffectiveTargets() {
    }

    /**
     * Effective targets of the cells, keyed by the cell; cells without one are absent.
     *
     * @param units the units whose set targets may matter (the cells' units and, for additive KPIs, everything below
     *              them, see {@link TargetRollup#withDescendants}); {@code null} reads every unit's
     */
    public static Map<Cell, TargetRollup.Effective> of(Connection c, OrgTree tree, KpiCatalogue catalogue,
            Collection<Cell> cells, Collection<String> units) throws SQLException {
        Map<String, List<Cell>> groups = new LinkedHashMap<>();
        for (Cell cell : cells) {
            groups.computeIfAbsent(cell.kpi() + "\u001f" + cell.period().key(), g -> new ArrayList<>()).add(cell);
        }
        if (groups.isEmpty()) {
            return Map.of();
        }
        Read read = read(c, groups.values(), units);
        Map<Cell, TargetRollup.Effective> out = new HashMap<>();
        for (Map.Entry<String, List<Cell>> g : groups.entrySet()) {
            List<Cell> group = g.getValue();
            KpiDefinition kpi = catalogue.require(group.get(0).kpi());
            Period period = group.get(0).period();
            Map<String, BigDecimal> fromWeeks = new HashMap<>();
            int weeks = period.type() == PeriodType.MONTH ? period.children().size() : -1;
            read.weeks.getOrDefault(g.getKey(), Map.of()).forEach((unit, sumAndCount) -> {
                if (sumAndCount.count() == weeks) {
                    fromWeeks.put(unit, sumAndCount.sum());
                }
            });
            Map<String, TargetRollup.Effective> resolved = TargetRollup.resolve(tree, kpi,
                    group.stream().map(Cell::unit).toList(), read.set.getOrDefault(g.getKey(), Map.of()), fromWeeks);
            for (Cell cell : group) {
                TargetRollup.Effective e = resolved.get(cell.unit());
                if (e != null) {
                    out.put(cell, e);
                }
            }
        }
        return out;
    }

    private record WeekSum(BigDecimal sum, long count) {
    }

    /** (KPI, period) → unit → set value, and (KPI, month) → unit → its weeks' sum and count. */
    private record Read(Map<String, Map<String, BigDecimal>> set, Map<String, Map<String, WeekSum>> weeks) {
    }

    private static Read read(Connection c, Collection<List<Cell>> groups, Collection<String> units)
            throws SQLException {
        List<String> k = new ArrayList<>(), p = new ArrayList<>();
        List<String> wk = new ArrayList<>(), wp = new ArrayList<>(), wm = new ArrayList<>();
        for (List<Cell> group : groups) {
            Cell first = group.get(0);
            k.add(first.kpi());
            p.add(first.period().key());
            if (first.period().type() == PeriodType.MONTH) {
                for (Period week : first.period().children()) {
                    wk.add(first.kpi());
                    wp.add(week.key());
                    wm.add(first.period().key());
                }
            }
        }
        String filter = units == null ? "" : "AND t.org_unit = ANY(?)";
        Read read = new Read(new HashMap<>(), new HashMap<>());
        try (PreparedStatement ps = c.prepareStatement(SQL.formatted(filter))) {
            int i = 1;
            ps.setArray(i++, c.createArrayOf("text", k.toArray()));
            ps.setArray(i++, c.createArrayOf("text", p.toArray()));
            if (units != null) {
                ps.setArray(i++, c.createArrayOf("text", units(units)));
            }
            ps.setArray(i++, c.createArrayOf("text", wk.toArray()));
            ps.setArray(i++, c.createArrayOf("text", wp.toArray()));
            ps.setArray(i++, c.createArrayOf("text", wm.toArray()));
            if (units != null) {
                ps.setArray(i, c.createArrayOf("text", units(units)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String group = rs.getString(1) + "\u001f" + rs.getString(3);
                    long weeks = rs.getLong(5);
                    if (weeks == 0) {
                        read.set.computeIfAbsent(group, g -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(4));
                    } else {
                        read.weeks.computeIfAbsent(group, g -> new HashMap<>())
                                .put(rs.getString(2), new WeekSum(rs.getBigDecimal(4), weeks));
                    }
                }
            }
        }
        return read;
    }

    private static Object[] units(Collection<String> units) {
        Set<String> distinct = new LinkedHashSet<>(units);
        return distinct.toArray();
    }
}
