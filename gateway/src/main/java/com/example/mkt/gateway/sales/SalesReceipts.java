package com.example.mkt.gateway.sales;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The eventIds this gateway has published, so that a resend is recognised. */
@ApplicationScoped
public class SalesReceipts {

    private final DataSource dataSource;

    public SalesReceipts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Those of {@code eventIds} already published. */
    public Set<String> known(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event_id FROM sales_event_receipt WHERE event_id = ANY(?)")) {
            Array ids = c.createArrayOf("varchar", eventIds.toArray());
            ps.setArray(1, ids);
            Set<String> known = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
            return known;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read sales receipts", e);
        }
    }

    public record Receipt(String eventId, UUID envelopeId) {
    }

    /**
     * Records published events; returns the eventIds that another request recorded first (a concurrent
     * resend), which this request then reports as duplicates.
     */
    @Transactional
    public Set<String> record(String client, List<Receipt> receipts) {
        if (receipts.isEmpty()) {
            return Set.of();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO sales_event_receipt (event_id, client, envelope_id)"
                     + " VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            for (Receipt r : receipts) {
                ps.setString(1, r.eventId());
                ps.setString(2, client);
                ps.setObject(3, r.envelopeId());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            List<String> raced = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    raced.add(receipts.get(i).eventId());
                }
            }
            return Set.copyOf(raced);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record sales receipts", e);
        }
    }
}
