package com.example.mkt.customer.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.customer.customer.CustomerAccess;

/**
 * What a caller may learn of a segment: previews, member counts and member lists count only the customers the
 * caller could open (their org subtree, and A-grade files only for the roles that read them). A segment is a
 * company-wide definition, but a count over customers the caller cannot see would leak them, one rule at a time.
 */
@ApplicationScoped
public class SegmentReads {

    public record Member(String customerId, String name, String orgUnit, java.time.Instant since) {
    }

    private final DataSource dataSource;

    public SegmentReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Customers the rule selects now, within the caller's scope. */
    public long preview(SegmentRule.Sql rule, CustomerAccess access) throws SQLException {
        Scope scope = Scope.of(access);
        String sql = "SELECT count(*) FROM customer c LEFT JOIN customer_stats s ON s.customer_id = c.id WHERE ("
                + rule.where() + ")" + scope.predicate();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = SegmentEvaluator.bind(c, ps, rule.params(), 1);
            scope.bind(c, ps, i);
            return single(ps);
        }
    }

    /** Members of the segment within the caller's scope. */
    public long memberCount(String segmentId, CustomerAccess access) {
        Scope scope = Scope.of(access);
        String sql = "SELECT count(*) FROM segment_member m JOIN customer c ON c.id = m.customer_id"
                + " WHERE m.segment_id = ?" + scope.predicate();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, segmentId);
            scope.bind(c, ps, 2);
            return single(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count members of segment " + segmentId, e);
        }
    }

    /** One page of members after {@code afterCustomerId}, in customer id order, within the caller's scope. */
    public List<Member> members(String segmentId, CustomerAccess access, String afterCustomerId, int limit) {
        Scope scope = Scope.of(access);
        String sql = "SELECT m.customer_id, c.name, c.org_unit, m.since FROM segment_member m"
                + " JOIN customer c ON c.id = m.customer_id WHERE m.segment_id = ? AND m.customer_id > ?"
                + scope.predicate() + " ORDER BY m.customer_id LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, segmentId);
            ps.setString(2, afterCustomerId);
            int i = scope.bind(c, ps, 3);
            ps.setInt(i, limit);
            List<Member> members = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(new Member(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return members;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list members of segment " + segmentId, e);
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The caller's scope as a SQL predicate on {@code customer c}. */
    private record Scope(Optional<Set<String>> units, boolean gradeA) {

        static Scope of(CustomerAccess access) {
            return new Scope(access.scope().visibleUnits(), access.seesGradeA());
        }

        String predicate() {
            return (units.isPresent() ? " AND c.org_unit = ANY(?)" : "")
                    + (gradeA ? "" : " AND c.grade IS DISTINCT FROM '" + CustomerAccess.A_GRADE + "'");
        }

        int bind(Connection c, PreparedStatement ps, int from) throws SQLException {
            if (units.isPresent()) {
                ps.setArray(from++, c.createArrayOf("text", units.get().toArray()));
            }
            return from;
        }
    }
}
