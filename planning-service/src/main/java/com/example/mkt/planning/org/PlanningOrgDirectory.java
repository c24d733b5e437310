package com.example.mkt.planning.org;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.rest.security.OrgDirectory;

/**
 * Org scope read straight from this service's own tree, so a unit created or moved here is in scope on the next
 * request (the library's replica would lag by a Kafka round trip and a cache period).
 *
 * <p>Unlike the replica, deactivated units stay in scope: their historic plans and reports keep their owner and
 * stay visible to the people above them. Only {@link #exists} ignores them, so nothing new is assigned to them.
 */
@ApplicationScoped
public class PlanningOrgDirectory implements OrgDirectory {

    private static final String SUBTREE = "WITH RECURSIVE t(code) AS (SELECT code FROM org_unit WHERE code = ?"
            + " UNION SELECT u.code FROM org_unit u JOIN t ON u.parent_code = t.code) SELECT code FROM t";
    private static final String ANCESTORS = "WITH RECURSIVE t(code, parent_code, depth) AS ("
            + "SELECT code, parent_code, 0 FROM org_unit WHERE code = ?"
            + " UNION ALL SELECT u.code, u.parent_code, t.depth + 1 FROM org_unit u JOIN t ON u.code = t.parent_code"
            + " WHERE t.depth < 64) SELECT code FROM t WHERE depth > 0 ORDER BY depth";

    private final DataSource dataSource;

    public PlanningOrgDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean exists(String code) {
        return !strings("SELECT code FROM org_unit WHERE code = ? AND active", code).isEmpty();
    }

    @Override
    public Set<String> subtree(String code) {
        return Set.copyOf(new HashSet<>(strings(SUBTREE, code)));
    }

    @Override
    public Optional<String> parentOf(String code) {
        return strings("SELECT parent_code FROM org_unit WHERE code = ? AND parent_code IS NOT NULL", code)
                .stream().findFirst();
    }

    @Override
    public List<String> ancestors(String code) {
        return strings(ANCESTORS, code);
    }

    private List<String> strings(String sql, String code) {
        if (code == null) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the org tree: " + e.getMessage(), e);
        }
    }
}
