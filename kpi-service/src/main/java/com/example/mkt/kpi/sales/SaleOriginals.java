package com.example.mkt.kpi.sales;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.rollup.Fact;

/**
 * The sales refunds refer to, as this service counted them: their SALES_AMOUNT facts with what refunds took back from
 * them so far ({@code refunded}), found by eventId with one statement per batch (the primary key (source_id, kpi_code)
 * serves it), and the statement that raises {@code refunded} by a batch's stored refunds.
 */
@ApplicationScoped
public class SaleOriginals {

    /** The stored facts among the eventIds asked for, and the refunded figure of each. */
    public record Found(Map<String, Fact> facts, Map<String, BigDecimal> refunded) {
    }

    private final DataSource dataSource;

    public SaleOriginals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code eventIds}: the originals the batch's refunds name and the refunds themselves (a redelivery is stored). */
    public Found find(Collection<String> eventIds) throws SQLException {
        Map<String, Fact> facts = new HashMap<>();
        Map<String, BigDecimal> refunded = new HashMap<>();
        if (eventIds.isEmpty()) {
            return new Found(facts, refunded);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT source_id, source_type, org_unit, staff_id, occurred_at,"
                     + " numerator, refunded FROM measure_fact WHERE kpi_code = ? AND source_id = ANY(?)")) {
            ps.setString(1, KpiCatalogue.SALES_AMOUNT);
            ps.setArray(2, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    facts.put(rs.getString(1), new Fact(rs.getString(1), rs.getString(2), KpiCatalogue.SALES_AMOUNT,
                            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getBigDecimal(6),
                            BigDecimal.ZERO));
                    refunded.put(rs.getString(1), rs.getBigDecimal(7));
                }
            }
        }
        return new Found(facts, refunded);
    }

    /** Raises what refunds took back from each original by {@code taken} (by eventId); one statement. */
    public void addRefunded(Map<String, BigDecimal> taken) throws SQLException {
        if (taken.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE measure_fact m SET refunded = m.refunded + u.amount"
                     + " FROM unnest(?::text[], ?::numeric[]) AS u(id, amount)"
                     + " WHERE m.kpi_code = ? AND m.source_id = u.id")) {
            ps.setArray(1, c.createArrayOf("text", taken.keySet().toArray()));
            ps.setArray(2, c.createArrayOf("numeric", taken.values().toArray()));
            ps.setString(3, KpiCatalogue.SALES_AMOUNT);
            ps.executeUpdate();
        }
    }
}
