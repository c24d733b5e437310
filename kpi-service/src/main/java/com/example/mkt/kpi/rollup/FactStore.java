package com.example.mkt.kpi.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.example.mkt.eventing.jdbc.FreshRows;
import com.example.mkt.eventing.jdbc.TextArrays;

/** SQL over {@code measure_fact}: the batched insert, the reads of the appliers and the rebuild, unparking. */
final class FactStore {

    private FactStore() {
    }

    /** What {@link #fact} reads, with the seq and the parked flag beside. */
    private static final String FACT_COLUMNS = "seq, source_id, source_type, kpi_code, org_unit, staff_id,"
            + " occurred_at, numerator, denominator, parked";
    static final String SELECT_FACTS = "SELECT " + FACT_COLUMNS + " FROM measure_fact";

    static Fact fact(ResultSet rs) throws SQLException {
        return new Fact(rs.getString("source_id"), rs.getString("source_type"), rs.getString("kpi_code"),
                rs.getString("org_unit"), rs.getString("staff_id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"));
    }

    /**
     * Parked facts by seq, found through measure_fact_parked (the seqs of parked facts only); returns those this
     * statement unparked, not the ones another transaction unparked first.
     */
    static List<Fact> unpark(Connection c, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return List.of();
        }
        List<Fact> unparked = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE measure_fact SET parked = FALSE, park_reason = NULL"
                + " WHERE parked AND seq = ANY(?) RETURNING " + FACT_COLUMNS)) {
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray(Long[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unparked.add(fact(rs));
                }
            }
        }
        return unparked;
    }

    /** One multi-row insert; returns the ids of the facts that were new. */
    static Set<String> insertFacts(Connection c, List<Fact> facts, List<String> parkReasons)
            throws SQLException {
        int n = facts.size();
        String[] id = new String[n], kpi = new String[n], type = new String[n], unit = new String[n],
                staff = new String[n], num = new String[n], den = new String[n], reason = new String[n];
        String[] at = new String[n];
        String[] parked = new String[n];
        for (int i = 0; i < n; i++) {
            Fact f = facts.get(i);
            id[i] = f.sourceId();
            kpi[i] = f.kpiCode();
            type[i] = f.sourceType();
            unit[i] = f.orgUnit();
            staff[i] = f.staffId();
            at[i] = f.occurredAt().toString();
            num[i] = f.numerator().toPlainString();
            den[i] = f.denominator().toPlainString();
            parked[i] = Boolean.toString(parkReasons.get(i) != null);
            reason[i] = parkReasons.get(i);
        }
        String[][] columns = {id, kpi, type, unit, staff, at, num, den, parked, reason};
        return FreshRows.insert(c, INSERT_FACTS, "ON CONFLICT (source_id, kpi_code) DO NOTHING", ps -> {
            for (int i = 0; i < columns.length; i++) {
                TextArrays.bind(ps, i + 1, Arrays.asList(columns[i]));
            }
            Set<String> inserted = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1) + "\u001f" + rs.getString(2));
                }
            }
            return inserted;
        });
    }

    /** A plain insert first, with ON CONFLICT only if some facts were stored before ({@link FreshRows}). */
    private static final String INSERT_FACTS = """
            INSERT INTO measure_fact (source_id, kpi_code, source_type, org_unit, staff_id, occurred_at,
                                      numerator, denominator, parked, park_reason)
            SELECT i, k, t, u, s, a, n::numeric, d::numeric, p, r
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                          ?::text[], ?::text[], ?::boolean[], ?::text[]) WITH ORDINALITY AS x(i, k, t, u, s, a, n, d, p, r, o)
             ORDER BY o
            ON CONFLICT (source_id, kpi_code) DO NOTHING
            RETURNING source_id, kpi_code
            """;
}
