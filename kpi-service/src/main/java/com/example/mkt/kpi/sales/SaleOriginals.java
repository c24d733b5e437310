package com.example.mkt.kpi.sales;

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
 * The sales refunds refer to, as this service counted them: their SALES_AMOUNT facts, found by eventId with one
 * statement per batch (the primary key (source_id, kpi_code) serves it).
 */
@ApplicationScoped
public class SaleOriginals {

    private final DataSource dataSource;

    public SaleOriginals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, Fact> find(Collection<String> eventIds) throws SQLException {
        Map<String, Fact> out = new HashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT source_id, source_type, org_unit, staff_id, occurred_at,"
                     + " numerator FROM measure_fact WHERE kpi_code = ? AND source_id = ANY(?)")) {
            ps.setString(1, KpiCatalogue.SALES_AMOUNT);
            ps.setArray(2, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Fact(rs.getString(1), rs.getString(2), KpiCatalogue.SALES_AMOUNT,
                            rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getBigDecimal(6),
                            java.math.BigDecimal.ZERO));
                }
            }
        }
        return out;
    }
}
