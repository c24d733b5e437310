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

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.eventing.jdbc.FreshRows;
import com.example.mkt.eventing.jdbc.TextArrays;

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

    /** The envelope id as the envelope carries it (a UUID's text): bound as text and cast in SQL, never reparsed. */
    public record Receipt(String eventId, String envelopeId) {
    }

    static final int PRUNE_CHUNK = 10_000;

    /** Deletes up to {@code limit} receipts received before {@code before}, in a transaction of its own. */
    int deleteReceivedBefore(java.time.Instant before, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM sales_event_receipt WHERE ctid = ANY(ARRAY("
                     + "SELECT ctid FROM sales_event_receipt WHERE received_at < ? LIMIT ?))")) {
            ps.setObject(1, before.atOffset(java.time.ZoneOffset.UTC));
            ps.setInt(2, limit);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune sales receipts", e);
        }
    }

    /**
     * Records published events; returns the eventIds that another request recorded first (a concurrent
     * resend), which this request then reports as duplicates.
     *
     * <p>One statement whatever the request holds, in a transaction of its own (autocommit). Nearly always no receipt
     * is there yet ({@link #known} was asked just before), so it goes in without its {@code ON CONFLICT} clause first
     * ({@link FreshRows}: half the index work); when a concurrent resend got there first, the insert is run again with
     * it, and {@code RETURNING} tells which rows this request inserted.
     */
    public Set<String> record(String client, List<Receipt> receipts) {
        if (receipts.isEmpty()) {
            return Set.of();
        }
        try (Connection c = dataSource.getConnection()) {
            Set<String> inserted = FreshRows.insert(c, RECORD, " ON CONFLICT (event_id) DO NOTHING", ps -> {
                ps.setString(1, client);
                TextArrays.bind(ps, 2, receipts.stream().map(Receipt::eventId).toList());
                TextArrays.bind(ps, 3, receipts.stream().map(Receipt::envelopeId).toList());
                return FreshRows.returnedKeys(ps);
            });
            List<String> raced = new ArrayList<>();
            receipts.forEach(r -> {
                if (!inserted.contains(r.eventId())) {
                    raced.add(r.eventId());
                }
            });
            return Set.copyOf(raced);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record sales receipts", e);
        }
    }

    private static final String RECORD = "INSERT INTO sales_event_receipt (event_id, client, envelope_id)"
            + " SELECT u.e, ?, u.v::uuid FROM unnest(?::text[], ?::text[]) AS u(e, v)"
            + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id";
}
