package com.example.mkt.campaign.evaluation;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The days each customer bought on (business zone), kept from every sale the sales consumer reads, for retention.
 * Written in one JDBC batch per consumer batch, inside its transaction.
 */
@ApplicationScoped
public class PurchaseHistory {

    private final DataSource dataSource;

    public PurchaseHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the days; a day already known is left alone. Rows go in key order, so concurrent batches lock in
     * the same order.
     *
     * @param days customer id to the days they bought on
     */
    public void record(Map<String, SortedSet<LocalDate>> days) throws SQLException {
        if (days.isEmpty()) {
            return;
        }
        // one statement per batch: customers and days as two parallel arrays
        List<String> customers = new java.util.ArrayList<>();
        List<String> dates = new java.util.ArrayList<>();
        for (Map.Entry<String, SortedSet<LocalDate>> e : new java.util.TreeMap<>(days).entrySet()) {
            for (LocalDate day : e.getValue()) {
                customers.add(e.getKey());
                dates.add(day.toString());
            }
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO customer_purchase_day (customer_id, purchased_on)"
                     + " SELECT u.c, u.d::date FROM unnest(?::text[], ?::text[]) AS u(c, d) ON CONFLICT DO NOTHING")) {
            ps.setArray(1, c.createArrayOf("text", customers.toArray()));
            ps.setArray(2, c.createArrayOf("text", dates.toArray()));
            ps.executeUpdate();
        }
    }

    /** The purchase days of the given customers from {@code from} (inclusive) to {@code until} (exclusive). */
    public List<PurchaseDay> of(Collection<String> customers, LocalDate from, LocalDate until) {
        List<PurchaseDay> result = new ArrayList<>();
        if (customers.isEmpty()) {
            return result;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT customer_id, purchased_on FROM customer_purchase_day"
                     + " WHERE customer_id = ANY(?) AND purchased_on >= ? AND purchased_on < ?"
                     + " ORDER BY customer_id, purchased_on")) {
            ps.setArray(1, c.createArrayOf("text", customers.toArray()));
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(until));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new PurchaseDay(rs.getString(1), rs.getDate(2).toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read purchase days", e);
        }
        return result;
    }

    /** A day a customer bought on. */
    public record PurchaseDay(String customerId, LocalDate day) {
    }
}
