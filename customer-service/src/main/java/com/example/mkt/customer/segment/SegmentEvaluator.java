package com.example.mkt.customer.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.customer.web.CustomerEvents;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.rest.security.OrgDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Brings a segment's member list up to date in one statement (insert the new, delete the gone, return
 * both) and publishes one {@code segment.membership-changed} per change. Runs under the segment's row
 * lock, so two replicas re-evaluating at once cannot publish a change twice.
 */
@ApplicationScoped
public class SegmentEvaluator {

    /** What campaign-service consumes: exactly these three fields. */
    public record MembershipChanged(String segmentId, String customerId, boolean member) {
    }

    private final DataSource dataSource;
    private final OrgDirectory directory;
    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final Clock clock;

    public SegmentEvaluator(DataSource dataSource, OrgDirectory directory, ObjectMapper mapper, Outbox outbox,
            Clock clock) {
        this.dataSource = dataSource;
        this.directory = directory;
        this.mapper = mapper;
        this.outbox = outbox;
        this.clock = clock;
    }

    public SegmentRule.Sql compile(String ruleJson) {
        try {
            return SegmentRule.compile(mapper.readTree(ruleJson), directory::subtree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored rule is not JSON", e);
        }
    }

    /** Must run inside a transaction. @return the changes published */
    public int refresh(String segmentId) throws SQLException {
        Instant now = clock.instant();
        List<OutboundEvent> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            String rule;
            try (PreparedStatement lock = c.prepareStatement("SELECT rule::text FROM segment WHERE id = ? FOR UPDATE")) {
                lock.setString(1, segmentId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    rule = rs.getString(1);
                }
            }
            SegmentRule.Sql sql = compile(rule);
            String statement = "WITH target AS (SELECT c.id FROM customer c LEFT JOIN customer_stats s "
                    + "ON s.customer_id = c.id WHERE " + sql.where() + "), "
                    + "added AS (INSERT INTO segment_member (segment_id, customer_id, since) "
                    + "SELECT ?, id, ? FROM target ON CONFLICT DO NOTHING RETURNING customer_id), "
                    + "removed AS (DELETE FROM segment_member m WHERE m.segment_id = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM target t WHERE t.id = m.customer_id) RETURNING customer_id) "
                    + "SELECT customer_id, true FROM added UNION ALL SELECT customer_id, false FROM removed "
                    + "ORDER BY 1";
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                int i = bind(c, ps, sql.params(), 1);
                ps.setString(i++, segmentId);
                ps.setTimestamp(i++, Timestamp.from(now));
                ps.setString(i, segmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(CustomerEvents.of("segment.membership-changed", segmentId,
                                new MembershipChanged(segmentId, rs.getString(1), rs.getBoolean(2))));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE segment SET evaluated_at = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, segmentId);
                ps.executeUpdate();
            }
        }
        outbox.publishAll(events);
        return events.size();
    }

    static int bind(Connection c, PreparedStatement ps, List<Object> params, int from) throws SQLException {
        int i = from;
        for (Object p : params) {
            if (p instanceof String[] a) {
                ps.setArray(i++, c.createArrayOf("text", a));
            } else if (p instanceof Integer[] a) {
                ps.setArray(i++, c.createArrayOf("integer", a));
            } else {
                ps.setObject(i++, p);
            }
        }
        return i;
    }
}
