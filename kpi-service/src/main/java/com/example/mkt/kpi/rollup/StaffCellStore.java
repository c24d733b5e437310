package com.example.mkt.kpi.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.example.mkt.eventing.jdbc.TextArrays;
import com.example.mkt.kpi.period.Period;

/** SQL over {@code kpi_staff_cell}: the batched upsert and the per-person sums the rankings and scorecards read. */
public final class StaffCellStore {

    private static final String UPSERT = """
            INSERT INTO kpi_staff_cell (kpi_code, staff_id, org_unit, period_key, period_type, period_start,
                                        numerator, denominator, updated_at)
            SELECT k, f, u, p, t, s::date, n::numeric, d::numeric, now()
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   WITH ORDINALITY AS x(k, f, u, p, t, s, n, d, i)
             ORDER BY i
            ON CONFLICT (kpi_code, staff_id, org_unit, period_key) DO UPDATE
               SET numerator = kpi_staff_cell.numerator + EXCLUDED.numerator,
                   denominator = kpi_staff_cell.denominator + EXCLUDED.denominator,
                   updated_at = EXCLUDED.updated_at
            """;

    private StaffCellStore() {
    }

    /** One statement for the whole batch, rows in {@link StaffCellKey} order. */
    public static void upsert(Connection c, List<StaffCellDelta> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        int n = deltas.size();
        String[] k = new String[n], f = new String[n], u = new String[n], p = new String[n], t = new String[n],
                s = new String[n], num = new String[n], den = new String[n];
        for (int i = 0; i < n; i++) {
            StaffCellDelta d = deltas.get(i);
            StaffCellKey key = d.key();
            k[i] = key.kpiCode();
            f[i] = key.staffId();
            u[i] = key.orgUnit();
            p[i] = key.period().key();
            t[i] = key.period().type().name();
            s[i] = key.period().startDate().toString();
            num[i] = d.numerator().toPlainString();
            den[i] = d.denominator().toPlainString();
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            String[][] columns = {k, f, u, p, t, s, num, den};
            for (int i = 0; i < columns.length; i++) {
                TextArrays.bind(ps, i + 1, Arrays.asList(columns[i]));
            }
            ps.executeUpdate();
        }
    }

    /**
     * Each staff member's sums of one KPI at one period over the given units, by staff id: the sum of the period's
     * {@link StaffGrains#storedIn stored periods} (at most 12 rows per person and unit).
     */
    public static Map<String, CellStore.Sums> byStaff(Connection c, String kpi, Period period, Collection<String> units)
            throws SQLException {
        Map<String, CellStore.Sums> out = new TreeMap<>();
        if (units.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT staff_id, sum(numerator), sum(denominator)"
                + " FROM kpi_staff_cell WHERE kpi_code = ? AND period_key = ANY(?) AND org_unit = ANY(?)"
                + " GROUP BY staff_id")) {
            ps.setString(1, kpi);
            TextArrays.bind(ps, 2, storedKeys(period));
            TextArrays.bind(ps, 3, List.copyOf(units));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new CellStore.Sums(rs.getBigDecimal(2), rs.getBigDecimal(3)));
                }
            }
        }
        return out;
    }

    /** One period's staff cells, summed like {@link #byStaff}: KPI → staff → unit → sums, for the scorecard run. */
    public static Map<String, Map<String, Map<String, CellStore.Sums>>> atPeriod(Connection c, Period period)
            throws SQLException {
        Map<String, Map<String, Map<String, CellStore.Sums>>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kpi_code, staff_id, org_unit, sum(numerator),"
                + " sum(denominator) FROM kpi_staff_cell WHERE period_key = ANY(?) GROUP BY 1, 2, 3")) {
            TextArrays.bind(ps, 1, storedKeys(period));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), x -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(2), x -> new TreeMap<>())
                            .put(rs.getString(3), new CellStore.Sums(rs.getBigDecimal(4), rs.getBigDecimal(5)));
                }
            }
        }
        return out;
    }

    private static List<String> storedKeys(Period period) {
        return StaffGrains.storedIn(period).stream().map(Period::key).toList();
    }
}
