package com.example.mkt.customer.followup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Inserts generated tasks in one JDBC batch; an existing key is left alone (ON CONFLICT DO NOTHING). */
@ApplicationScoped
public class FollowUpStore {

    public record Planned(FollowUpTask task, String orgUnit, String salesperson) {
    }

    /** @return how many were new */
    public int insertIfAbsent(Connection c, List<Planned> tasks, Instant now) throws SQLException {
        if (tasks.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO follow_up (key, customer_id, org_unit, salesperson, "
                + "kind, period, due_by, audience, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) "
                + "ON CONFLICT (key) DO NOTHING")) {
            for (Planned p : tasks) {
                FollowUpTask t = p.task();
                ps.setString(1, t.key());
                ps.setString(2, t.customerId());
                ps.setString(3, p.orgUnit());
                ps.setString(4, p.salesperson());
                ps.setString(5, t.kind().name());
                ps.setString(6, t.period());
                ps.setTimestamp(7, Timestamp.from(t.dueBy()));
                ps.setString(8, t.audience().map(Enum::name).orElse(null));
                ps.setTimestamp(9, Timestamp.from(now));
                ps.addBatch();
            }
            int n = 0;
            for (int count : ps.executeBatch()) {
                n += Math.max(count, 0);
            }
            return n;
        }
    }
}
