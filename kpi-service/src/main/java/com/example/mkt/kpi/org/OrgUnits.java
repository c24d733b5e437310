package com.example.mkt.kpi.org;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the replica of the org tree ({@code org_unit_ref}, fed by libs/rest from planning-service's org-unit events).
 *
 * <p>Rollups read it afresh in their own transaction rather than through the cached {@code OrgDirectory}: a sale
 * must roll up along the tree as it is now, not as it was up to five seconds ago.
 */
@ApplicationScoped
public class OrgUnits {

    /** The tree and the display names of its units. */
    public record Snapshot(OrgTree tree, Map<String, String> names) {
        public String name(String code) {
            return names.get(code);
        }
    }

    private final DataSource dataSource;

    public OrgUnits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Snapshot load() {
        try (Connection c = dataSource.getConnection()) {
            return load(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the org tree", e);
        }
    }

    public static Snapshot load(Connection c) throws SQLException {
        Map<String, String> parents = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, parent, name FROM org_unit_ref")) {
            while (rs.next()) {
                parents.put(rs.getString(1), rs.getString(2));
                names.put(rs.getString(1), rs.getString(3));
            }
        }
        // A parent the replica has not received yet would make its children roots; dropping the link keeps the
        // tree valid, and the rebuild endpoint repairs cells once the parent is known.
        parents.replaceAll((child, parent) -> parent != null && parents.containsKey(parent) ? parent : null);
        return new Snapshot(OrgTree.of(parents), Map.copyOf(names));
    }
}
