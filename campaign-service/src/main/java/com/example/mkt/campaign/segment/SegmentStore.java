package com.example.mkt.campaign.segment;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** This service's copy of customer segment membership (customer-service owns segments). */
@ApplicationScoped
public class SegmentStore {

    private final DataSource dataSource;

    public SegmentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The segments of each customer, in one query. */
    public Map<String, Set<String>> segmentsOf(Collection<String> customerIds) throws SQLException {
        Map<String, Set<String>> result = new HashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT customer_id, segment_id FROM segment_member WHERE customer_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", customerIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return result;
    }

    /** The customers in any of the segments. */
    public Set<String> membersOf(Collection<String> segmentIds) {
        Set<String> result = new HashSet<>();
        if (segmentIds.isEmpty()) {
            return result;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT DISTINCT customer_id FROM segment_member WHERE segment_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", segmentIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read segment members", e);
        }
        return result;
    }

    public void join(Connection c, String customerId, String segmentId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO segment_member (customer_id, segment_id, changed_at)"
                + " VALUES (?,?,?) ON CONFLICT (customer_id, segment_id) DO UPDATE SET changed_at = EXCLUDED.changed_at")) {
            ps.setString(1, customerId);
            ps.setString(2, segmentId);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    public void leave(Connection c, String customerId, String segmentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM segment_member WHERE customer_id = ? AND segment_id = ?")) {
            ps.setString(1, customerId);
            ps.setString(2, segmentId);
            ps.executeUpdate();
        }
    }
}
