package com.example.mkt.campaign.attribution;

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

/**
 * Every sale read, by eventId with its amount ({@code campaign_sale}): what refunds are checked against. One
 * statement per batch to record, one to look up, both by primary key.
 */
@ApplicationScoped
public class SaleLedger {

    private final DataSource dataSource;

    public SaleLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the batch's sales; one already recorded (a redelivery) is left alone. */
    public void record(Map<String, BigDecimal> sales) throws SQLException {
        if (sales.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO campaign_sale (event_id, amount)"
                     + " SELECT * FROM unnest(?::text[], ?::numeric[]) ORDER BY 1 ON CONFLICT DO NOTHING")) {
            ps.setArray(1, c.createArrayOf("text", sales.keySet().toArray()));
            ps.setArray(2, c.createArrayOf("numeric", sales.values().toArray()));
            ps.executeUpdate();
        }
    }

    /** The amounts of the recorded sales among {@code eventIds}. */
    public Map<String, BigDecimal> amounts(Collection<String> eventIds) throws SQLException {
        Map<String, BigDecimal> out = new HashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT event_id, amount FROM campaign_sale WHERE event_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        }
        return out;
    }
}
