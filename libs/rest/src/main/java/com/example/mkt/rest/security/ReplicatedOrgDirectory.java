package com.example.mkt.rest.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/**
 * The org tree as replicated into this service's {@code org_unit_ref} table from planning-service's
 * org-unit events. Held in memory briefly: trees are small and read on every request, while changes
 * are rare and may arrive through another replica's consumer.
 */
@DefaultBean
@ApplicationScoped
public class ReplicatedOrgDirectory implements OrgDirectory {

    private static final long TTL_NANOS = Duration.ofSeconds(5).toNanos();

    private final DataSource dataSource;
    private volatile Snapshot snapshot;

    public ReplicatedOrgDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Active units only: new data may not be assigned to a deactivated one. */
    @Override
    public boolean exists(String code) {
        return current().active.contains(code);
    }

    @Override
    public Set<String> subtree(String code) {
        Snapshot s = current();
        if (!s.parents.containsKey(code)) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(code));
        while (!todo.isEmpty()) {
            String unit = todo.pop();
            if (out.add(unit)) {
                todo.addAll(s.children.getOrDefault(unit, List.of()));
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public Optional<String> parentOf(String code) {
        return Optional.ofNullable(current().parents.get(code));
    }

    @Override
    public List<String> ancestors(String code) {
        Snapshot s = current();
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String parent = s.parents.get(code);
        while (parent != null && seen.add(parent)) {
            out.add(parent);
            parent = s.parents.get(parent);
        }
        return out;
    }

    /** Forgets the cached tree: the next lookup reads the table. */
    public void invalidate() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAt > TTL_NANOS) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        Map<String, String> parents = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        Set<String> active = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT code, parent, active FROM org_unit_ref");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String code = rs.getString(1);
                String parent = rs.getString(2);
                parents.put(code, parent);
                if (rs.getBoolean(3)) {
                    active.add(code);
                }
                if (parent != null) {
                    children.computeIfAbsent(parent, k -> new ArrayList<>()).add(code);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the org tree: " + e.getMessage(), e);
        }
        return new Snapshot(parents, children, active, System.nanoTime());
    }

    /** Deactivated units stay in the tree: their data stays visible to the managers above them. */
    private record Snapshot(Map<String, String> parents, Map<String, List<String>> children, Set<String> active,
            long loadedAt) {
    }
}
