package com.example.mkt.planning.progress;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.eventing.jdbc.UnnestColumns;

/**
 * The goal-progress rows a batch of KPI values concerns, read and written set-wise for the {@code kpi.events} consumer:
 * one query for every goal of the batch's (KPI, unit, period) cells, one multi-row update for those that moved.
 *
 * <p>The rows are read detached (plain objects, not managed by Hibernate), so nothing is flushed row by row; the read
 * locks them in key order (the same order every batch takes), and the update bumps {@code version} so that an entity
 * write elsewhere (re-approval, the at-risk job, a manual report) still detects the change optimistically.
 */
@ApplicationScoped
public class GoalProgressStore {

    /** A KPI cell a value was measured for. */
    public record Cell(String kpi, String orgUnit, String periodKey) {
    }

    private static final String SELECT = """
            SELECT g.plan_id, g.goal_id, g.plan_version, g.owner_org_unit, g.source, g.kpi, g.period_key, g.target,
                   g.starts_on, g.due, g.actual, g.achievement_percent, g.completion_percent, g.as_of, g.at_risk,
                   g.risk_checked_on, g.owner_staff_id, g.version
              FROM goal_progress g
              JOIN (SELECT DISTINCT k, u, p FROM unnest(?::text[], ?::text[], ?::text[]) AS x(k, u, p)) c
                ON g.kpi = c.k AND g.owner_org_unit = c.u AND g.period_key = c.p
             ORDER BY g.plan_id, g.goal_id
               FOR UPDATE OF g
            """;

    private static final String UPDATE = """
            UPDATE goal_progress g
               SET actual = u.a::numeric, achievement_percent = u.ap::numeric, completion_percent = u.cp::numeric,
                   as_of = u.t::timestamptz, at_risk = u.r::boolean, version = g.version + 1
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                   AS u(p, g, a, ap, cp, t, r)
             WHERE g.plan_id = u.p AND g.goal_id = u.g
            """;

    private final DataSource dataSource;

    public GoalProgressStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The goals linked to any of {@code cells}, locked for this transaction, in (plan, goal) order. */
    public List<GoalProgressEntity> lockGoalsOf(Collection<Cell> cells) {
        if (cells.isEmpty()) {
            return List.of();
        }
        UnnestColumns keys = new UnnestColumns(3);
        cells.forEach(cell -> keys.add(cell.kpi(), cell.orgUnit(), cell.periodKey()));
        List<GoalProgressEntity> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
            keys.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read goal progress: " + e.getMessage(), e);
        }
        return out;
    }

    /** Writes the measured figures and at-risk flag of {@code rows} in one statement. */
    public void updateProgress(Collection<GoalProgressEntity> rows) {
        if (rows.isEmpty()) {
            return;
        }
        UnnestColumns values = new UnnestColumns(7);
        for (GoalProgressEntity r : rows) {
            values.add(r.planId, r.goalId, plain(r.actual), plain(r.achievementPercent), plain(r.completionPercent),
                    r.asOf == null ? null : r.asOf.toString(), Boolean.toString(r.atRisk));
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPDATE)) {
            values.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store goal progress: " + e.getMessage(), e);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static GoalProgressEntity row(ResultSet rs) throws SQLException {
        GoalProgressEntity g = new GoalProgressEntity();
        g.planId = rs.getString("plan_id");
        g.goalId = rs.getString("goal_id");
        g.planVersion = rs.getInt("plan_version");
        g.ownerOrgUnit = rs.getString("owner_org_unit");
        g.source = rs.getString("source");
        g.kpi = rs.getString("kpi");
        g.periodKey = rs.getString("period_key");
        g.target = rs.getBigDecimal("target");
        g.startsOn = rs.getObject("starts_on", java.time.LocalDate.class);
        g.due = rs.getObject("due", java.time.LocalDate.class);
        g.actual = rs.getBigDecimal("actual");
        g.achievementPercent = rs.getBigDecimal("achievement_percent");
        g.completionPercent = rs.getBigDecimal("completion_percent");
        Timestamp asOf = rs.getTimestamp("as_of");
        g.asOf = asOf == null ? null : asOf.toInstant();
        g.atRisk = rs.getBoolean("at_risk");
        g.riskCheckedOn = rs.getObject("risk_checked_on", java.time.LocalDate.class);
        g.ownerStaffId = rs.getString("owner_staff_id");
        g.version = rs.getLong("version");
        return g;
    }
}
