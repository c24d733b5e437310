package com.example.mkt.campaign.target;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.campaign.attribution.ContributionStore;
import com.example.mkt.eventing.jdbc.UnnestColumns;

/**
 * The running aggregates of a campaign's contributions (V4): branch totals, branch days, salesperson and customer
 * totals. A batch adds its new contributions' deltas with one multi-row upsert per table, grouped per key first;
 * reads cost what a campaign's branches, people and days number, never its sales.
 */
@ApplicationScoped
public class ProgressStore {

    /** A branch of a campaign. */
    public record BranchKey(String campaignId, String branch) {
    }

    private final DataSource dataSource;

    public ProgressStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The UTC day a contribution's instant falls in: the bucket it is summed into. */
    public static LocalDate bucket(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Adds newly stored contributions to every aggregate; returns each touched branch's new total. */
    public Map<BranchKey, BigDecimal> add(List<ContributionStore.Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<BranchKey, BigDecimal[]> branches = new LinkedHashMap<>();
        Map<List<Object>, Object[]> days = new LinkedHashMap<>();
        Map<List<String>, BigDecimal[]> people = new LinkedHashMap<>();
        Map<List<String>, BigDecimal> customers = new LinkedHashMap<>();
        for (ContributionStore.Row r : rows) {
            BigDecimal a = r.amount();
            BigDecimal[] b = branches.computeIfAbsent(new BranchKey(r.campaignId(), r.branch()),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            b[0] = b[0].add(a);
            b[1] = b[1].add(BigDecimal.ONE);
            Object[] d = days.computeIfAbsent(List.of(r.campaignId(), r.branch(), bucket(r.occurredAt())),
                    k -> new Object[] {BigDecimal.ZERO, BigDecimal.ZERO, r.occurredAt()});
            d[0] = ((BigDecimal) d[0]).add(a);
            d[1] = ((BigDecimal) d[1]).add(a.min(BigDecimal.ZERO));
            d[2] = r.occurredAt().isBefore((Instant) d[2]) ? r.occurredAt() : d[2];
            if (r.salesperson() != null) {
                BigDecimal[] p = people.computeIfAbsent(List.of(r.campaignId(), r.branch(), r.salesperson()),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                p[0] = p[0].add(a);
                p[1] = p[1].add(BigDecimal.ONE);
            }
            if (r.customerId() != null) {
                customers.merge(List.of(r.campaignId(), r.customerId()), a, BigDecimal::add);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            upsertDays(c, days);
            upsertPeople(c, people);
            upsertCustomers(c, customers);
            return upsertBranches(c, branches);
        }
    }

    private static Map<BranchKey, BigDecimal> upsertBranches(Connection c, Map<BranchKey, BigDecimal[]> branches)
            throws SQLException {
        UnnestColumns cols = new UnnestColumns(4);
        branches.forEach((k, v) -> cols.add(k.campaignId(), k.branch(), v[0].toPlainString(), v[1].toPlainString()));
        Map<BranchKey, BigDecimal> totals = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaign_branch_total AS t (campaign_id, branch,"
                + " amount, contributions) SELECT u.c, u.b, u.a::numeric, u.n::bigint FROM unnest(?::text[],"
                + " ?::text[], ?::text[], ?::text[]) AS u(c, b, a, n) ON CONFLICT (campaign_id, branch) DO UPDATE"
                + " SET amount = t.amount + EXCLUDED.amount, contributions = t.contributions + EXCLUDED.contributions"
                + " RETURNING campaign_id, branch, amount")) {
            cols.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    totals.put(new BranchKey(rs.getString(1), rs.getString(2)), rs.getBigDecimal(3));
                }
            }
        }
        return totals;
    }

    private static void upsertDays(Connection c, Map<List<Object>, Object[]> days) throws SQLException {
        UnnestColumns cols = new UnnestColumns(6);
        days.forEach((k, v) -> cols.add((String) k.get(0), (String) k.get(1), k.get(2).toString(),
                ((BigDecimal) v[0]).toPlainString(), ((BigDecimal) v[1]).toPlainString(), v[2].toString()));
        execute(c, cols, "INSERT INTO campaign_branch_day AS t (campaign_id, branch, day, net, negatives, first_at)"
                + " SELECT u.c, u.b, u.d::date, u.n::numeric, u.g::numeric, u.f::timestamptz FROM unnest(?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(c, b, d, n, g, f)"
                + " ON CONFLICT (campaign_id, branch, day) DO UPDATE SET net = t.net + EXCLUDED.net,"
                + " negatives = t.negatives + EXCLUDED.negatives, first_at = LEAST(t.first_at, EXCLUDED.first_at)");
    }

    private static void upsertPeople(Connection c, Map<List<String>, BigDecimal[]> people) throws SQLException {
        UnnestColumns cols = new UnnestColumns(5);
        people.forEach((k, v) -> cols.add(k.get(0), k.get(1), k.get(2), v[0].toPlainString(), v[1].toPlainString()));
        execute(c, cols, "INSERT INTO campaign_salesperson_total AS t (campaign_id, branch, salesperson, amount,"
                + " contributions) SELECT u.c, u.b, u.p, u.a::numeric, u.n::bigint FROM unnest(?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[]) AS u(c, b, p, a, n) ON CONFLICT (campaign_id, branch, salesperson)"
                + " DO UPDATE SET amount = t.amount + EXCLUDED.amount,"
                + " contributions = t.contributions + EXCLUDED.contributions");
    }

    private static void upsertCustomers(Connection c, Map<List<String>, BigDecimal> customers) throws SQLException {
        UnnestColumns cols = new UnnestColumns(3);
        customers.forEach((k, v) -> cols.add(k.get(0), k.get(1), v.toPlainString()));
        execute(c, cols, "INSERT INTO campaign_customer_total AS t (campaign_id, customer_id, amount)"
                + " SELECT u.c, u.k, u.a::numeric FROM unnest(?::text[], ?::text[], ?::text[]) AS u(c, k, a)"
                + " ON CONFLICT (campaign_id, customer_id) DO UPDATE SET amount = t.amount + EXCLUDED.amount");
    }

    /** Every day bucket of the given branches, in day order. */
    public Map<BranchKey, List<ReachSearch.Day>> days(Collection<BranchKey> keys) throws SQLException {
        Map<BranchKey, List<ReachSearch.Day>> result = new HashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        UnnestColumns cols = new UnnestColumns(2);
        keys.forEach(k -> cols.add(k.campaignId(), k.branch()));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT campaign_id, branch, day, net, negatives, first_at FROM campaign_branch_day"
                        + " WHERE (campaign_id, branch) IN (SELECT * FROM unnest(?::text[], ?::text[]))"
                        + " ORDER BY campaign_id, branch, day")) {
            cols.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(new BranchKey(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new ReachSearch.Day(rs.getObject(3, LocalDate.class), rs.getBigDecimal(4),
                                    rs.getBigDecimal(5), rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return result;
    }

    /** A day of a branch. */
    public record BranchDay(BranchKey key, LocalDate day) {
    }

    /** Days of branches, netted per instant, in one query: the days targets' moments may lie in (one round). */
    public Map<BranchDay, NavigableMap<Instant, BigDecimal>> netByInstant(Collection<BranchDay> wanted)
            throws SQLException {
        Map<BranchDay, NavigableMap<Instant, BigDecimal>> result = new HashMap<>();
        if (wanted.isEmpty()) {
            return result;
        }
        UnnestColumns cols = new UnnestColumns(3);
        wanted.forEach(w -> {
            cols.add(w.key().campaignId(), w.key().branch(), w.day().toString());
            result.put(w, new TreeMap<>());
        });
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT k.campaign_id, k.branch, k.occurred_at, sum(k.amount) FROM unnest(?::text[], ?::text[],"
                        + " ?::text[]) AS u(c, b, d) JOIN campaign_contribution k ON k.campaign_id = u.c"
                        + " AND k.branch = u.b AND k.occurred_at >= u.d::date::timestamp AT TIME ZONE 'UTC'"
                        + " AND k.occurred_at < (u.d::date + 1)::timestamp AT TIME ZONE 'UTC'"
                        + " GROUP BY k.campaign_id, k.branch, k.occurred_at")) {
            cols.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getTimestamp(3).toInstant();
                    result.get(new BranchDay(new BranchKey(rs.getString(1), rs.getString(2)), bucket(at)))
                            .put(at, rs.getBigDecimal(4));
                }
            }
        }
        return result;
    }

    /** What a campaign's progress is made of, read from the aggregates. */
    public record Totals(Map<String, BigDecimal> branches, Map<List<String>, BigDecimal> people,
            Map<String, TargetProgressCalculator.Reached> reached) {
    }

    public Totals totals(String campaignId) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, BigDecimal> branches = new LinkedHashMap<>();
            query(c, "SELECT branch, amount FROM campaign_branch_total WHERE campaign_id = ?", campaignId,
                    rs -> branches.put(rs.getString(1), rs.getBigDecimal(2)));
            Map<List<String>, BigDecimal> people = new LinkedHashMap<>();
            query(c, "SELECT branch, salesperson, amount FROM campaign_salesperson_total WHERE campaign_id = ?",
                    campaignId, rs -> people.put(List.of(rs.getString(1), rs.getString(2)), rs.getBigDecimal(3)));
            Map<String, Instant[]> reached = new HashMap<>();
            query(c, "SELECT branch, target, reached_at FROM campaign_target_reached WHERE campaign_id = ?",
                    campaignId, rs -> reached.computeIfAbsent(rs.getString(1), b -> new Instant[2])
                            [TargetWatch.STARTING.equals(rs.getString(2)) ? 0 : 1] = rs.getTimestamp(3).toInstant());
            Map<String, TargetProgressCalculator.Reached> byBranch = new HashMap<>();
            reached.forEach((b, at) -> byBranch.put(b, new TargetProgressCalculator.Reached(at[0], at[1])));
            return new Totals(branches, people, byBranch);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the progress of campaign " + campaignId, e);
        }
    }

    /** Customers whose attributed purchases net above zero (a fully refunded sale is no purchase). */
    public java.util.Set<String> buyers(String campaignId) {
        java.util.Set<String> buyers = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            query(c, "SELECT customer_id FROM campaign_customer_total WHERE campaign_id = ? AND amount > 0",
                    campaignId, rs -> buyers.add(rs.getString(1)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the buyers of campaign " + campaignId, e);
        }
        return buyers;
    }

    /** Recomputes a campaign's aggregates from its contributions (after a repair, or to check them). */
    public void rebuild(String campaignId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("campaign_branch_total", "campaign_branch_day", "campaign_salesperson_total",
                    "campaign_customer_total")) {
                update(c, "DELETE FROM " + table + " WHERE campaign_id = ?", campaignId);
            }
            update(c, "INSERT INTO campaign_branch_total (campaign_id, branch, amount, contributions)"
                    + " SELECT campaign_id, branch, sum(amount), count(*) FROM campaign_contribution"
                    + " WHERE campaign_id = ? GROUP BY campaign_id, branch", campaignId);
            update(c, "INSERT INTO campaign_branch_day (campaign_id, branch, day, net, negatives, first_at)"
                    + " SELECT campaign_id, branch, (occurred_at AT TIME ZONE 'UTC')::date, sum(amount),"
                    + " sum(LEAST(amount, 0)), min(occurred_at) FROM campaign_contribution WHERE campaign_id = ?"
                    + " GROUP BY campaign_id, branch, (occurred_at AT TIME ZONE 'UTC')::date", campaignId);
            update(c, "INSERT INTO campaign_salesperson_total (campaign_id, branch, salesperson, amount,"
                    + " contributions) SELECT campaign_id, branch, salesperson, sum(amount), count(*)"
                    + " FROM campaign_contribution WHERE campaign_id = ? AND salesperson IS NOT NULL"
                    + " GROUP BY campaign_id, branch, salesperson", campaignId);
            update(c, "INSERT INTO campaign_customer_total (campaign_id, customer_id, amount)"
                    + " SELECT campaign_id, customer_id, sum(amount) FROM campaign_contribution"
                    + " WHERE campaign_id = ? AND customer_id IS NOT NULL GROUP BY campaign_id, customer_id",
                    campaignId);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String campaignId, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static void update(Connection c, String sql, String campaignId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaignId);
            ps.executeUpdate();
        }
    }

    private static void execute(Connection c, UnnestColumns cols, String sql) throws SQLException {
        if (cols.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            cols.bind(ps);
            ps.executeUpdate();
        }
    }
}
