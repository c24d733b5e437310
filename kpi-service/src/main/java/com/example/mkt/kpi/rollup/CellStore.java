package com.example.mkt.kpi.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.mkt.eventing.jdbc.TextArrays;
import com.example.mkt.kpi.period.Period;

/** SQL over {@code kpi_cell}: the batched upsert and the reads the queries need. */
public final class CellStore {

    /** A cell's sums. */
    public record Sums(BigDecimal numerator, BigDecimal denominator) {
        public static final Sums ZERO = new Sums(BigDecimal.ZERO, BigDecimal.ZERO);

        public Sums minus(CellDelta delta) {
            return new Sums(numerator.subtract(delta.numerator()), denominator.subtract(delta.denominator()));
        }
    }

    /** A cell after an upsert, with the delta that was added to it. */
    public record Changed(CellKey key, Sums before, Sums after) {
    }

    // One statement for the whole batch; rows are fed in CellKey order so that concurrent writers lock cells in the
    // same order. The additions commute, so replicas and partitions may interleave freely.
    private static final String UPSERT = """
            INSERT INTO kpi_cell (kpi_code, org_unit, period_key, period_type, period_start, numerator, denominator,
                                  updated_at)
            SELECT k, u, p, t, s::date, n::numeric, d::numeric, now()
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   WITH ORDINALITY AS x(k, u, p, t, s, n, d, i)
             ORDER BY i
            ON CONFLICT (kpi_code, org_unit, period_key) DO UPDATE
               SET numerator = kpi_cell.numerator + EXCLUDED.numerator,
                   denominator = kpi_cell.denominator + EXCLUDED.denominator,
                   updated_at = EXCLUDED.updated_at
            RETURNING kpi_code, org_unit, period_key, numerator, denominator
            """;

    private CellStore() {
    }

    public static List<Changed> upsert(Connection c, List<CellDelta> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return List.of();
        }
        int n = deltas.size();
        String[] k = new String[n], u = new String[n], p = new String[n], t = new String[n], s = new String[n],
                num = new String[n], den = new String[n];
        Map<String, CellDelta> byId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            CellDelta d = deltas.get(i);
            CellKey key = d.key();
            k[i] = key.kpiCode();
            u[i] = key.orgUnit();
            p[i] = key.period().key();
            t[i] = key.period().type().name();
            s[i] = key.period().startDate().toString();
            num[i] = d.numerator().toPlainString();
            den[i] = d.denominator().toPlainString();
            byId.put(id(k[i], u[i], p[i]), d);
        }
        List<Changed> changed = new ArrayList<>(n);
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            String[][] columns = {k, u, p, t, s, num, den};
            for (int i = 0; i < columns.length; i++) {
                TextArrays.bind(ps, i + 1, Arrays.asList(columns[i]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CellDelta d = byId.get(id(rs.getString(1), rs.getString(2), rs.getString(3)));
                    Sums after = new Sums(rs.getBigDecimal(4), rs.getBigDecimal(5));
                    changed.add(new Changed(d.key(), after.minus(d), after));
                }
            }
        }
        return changed;
    }

    /** Cells of one KPI at one period for the given units. */
    public static Map<String, Sums> atPeriod(Connection c, String kpi, Period period, Collection<String> units)
            throws SQLException {
        Map<String, Sums> out = new HashMap<>();
        if (units.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT org_unit, numerator, denominator FROM kpi_cell"
                + " WHERE kpi_code = ? AND period_key = ? AND org_unit = ANY(?)")) {
            ps.setString(1, kpi);
            ps.setString(2, period.key());
            ps.setArray(3, c.createArrayOf("text", units.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Sums(rs.getBigDecimal(2), rs.getBigDecimal(3)));
                }
            }
        }
        return out;
    }

    /** Cells of one KPI and unit for the periods of one grain starting within [from, to]. */
    public static Map<String, Sums> series(Connection c, String kpi, String unit, Period from, Period to)
            throws SQLException {
        Map<String, Sums> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT period_key, numerator, denominator FROM kpi_cell"
                + " WHERE kpi_code = ? AND org_unit = ? AND period_type = ? AND period_start BETWEEN ? AND ?")) {
            ps.setString(1, kpi);
            ps.setString(2, unit);
            ps.setString(3, from.type().name());
            ps.setObject(4, from.startDate());
            ps.setObject(5, to.startDate());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Sums(rs.getBigDecimal(2), rs.getBigDecimal(3)));
                }
            }
        }
        return out;
    }

    static String id(String kpi, String unit, String period) {
        return kpi + ":" + unit + ":" + period;
    }

    public static String id(CellKey key) {
        return id(key.kpiCode(), key.orgUnit(), key.period().key());
    }

}
