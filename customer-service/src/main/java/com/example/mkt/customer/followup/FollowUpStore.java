package com.example.mkt.customer.followup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.eventing.jdbc.UnnestColumns;

/** Inserts generated tasks in one statement; an existing key is left alone (ON CONFLICT DO NOTHING). */
@ApplicationScoped
public class FollowUpStore {

    public record Planned(FollowUpTask task, String orgUnit, String salesperson) {
    }

    /** @return how many were new */
    public int insertIfAbsent(Connection c, List<Planned> tasks, Instant now) throws SQLException {
        if (tasks.isEmpty()) {
            return 0;
        }
        UnnestColumns cols = new UnnestColumns(8);
        for (Planned p : tasks) {
            FollowUpTask t = p.task();
            cols.add(t.key(), t.customerId(), p.orgUnit(), p.salesperson(), t.kind().name(), t.period(),
                    t.dueBy().toString(), t.audience().map(Enum::name).orElse(null));
        }
        // one statement for the batch; the key makes a resent sale add nothing
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO follow_up (key, customer_id, org_unit, salesperson, "
                + "kind, period, due_by, audience, state, created_at) SELECT u.k, u.c, u.o, u.s, u.kind, u.p, "
                + "u.d::timestamptz, u.a, 'OPEN', ?::timestamptz FROM unnest(?::text[], ?::text[], ?::text[], "
                + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(k, c, o, s, kind, p, d, a) "
                + "ON CONFLICT (key) DO NOTHING")) {
            ps.setString(1, now.toString());
            cols.bind(ps, 2);
            return ps.executeUpdate();
        }
    }
}
