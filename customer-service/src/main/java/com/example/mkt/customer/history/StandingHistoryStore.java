package com.example.mkt.customer.history;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.example.mkt.eventing.jdbc.UnnestColumns;

/**
 * The tier and credit-tier history (customer_tier_change, customer_credit_tier_change). Writes happen in the
 * transaction of the change they record, all of a transaction's moves in one statement: the sales consumer applies
 * batches of up to 2,000 sales, so it pays one round trip for its history, and only when the batch moved a tier.
 */
@ApplicationScoped
public class StandingHistoryStore {

    /** The moves of one transaction, to be recorded together. */
    public static final class Changes {

        private final List<TierChange> tiers = new ArrayList<>();
        private final List<CreditTierChange> credits = new ArrayList<>();

        public Changes add(TierChange change) {
            tiers.add(change);
            return this;
        }

        public Changes add(CreditTierChange change) {
            credits.add(change);
            return this;
        }

        public boolean isEmpty() {
            return tiers.isEmpty() && credits.isEmpty();
        }
    }

    /** A recorded move with its id, the key the history is paged by. */
    public record Recorded<T>(long id, T change) {
    }

    /**
     * Both tables in one statement (a data-modifying CTE: PostgreSQL runs it whether or not the outer insert reads it);
     * a table with nothing to add gets empty arrays. Rows are inserted in the order given, so ids follow it.
     */
    private static final String INSERT = "WITH tier AS (INSERT INTO customer_tier_change (customer_id, from_tier,"
            + " to_tier, was_vip, vip, source, vip_basis, window_spend, nomination_id, changed_by, changed_at)"
            + " SELECT u.c, u.f, u.t, u.wv::boolean, u.v::boolean, u.s, u.b, u.w::numeric, u.n, u.who,"
            + " u.at::timestamptz FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
            + " AS u(c, f, t, wv, v, s, b, w, n, who, at, i) ORDER BY u.i)"
            + " INSERT INTO customer_credit_tier_change (customer_id, from_tier, to_tier, reason, automatic,"
            + " fulfilment_percent, request_id, changed_by, changed_at)"
            + " SELECT u.c, u.f, u.t, u.r, u.a::boolean, u.p::numeric, u.q, u.who, u.at::timestamptz"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[]) WITH ORDINALITY AS u(c, f, t, r, a, p, q, who, at, i) ORDER BY u.i";

    private final DataSource dataSource;

    public StandingHistoryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the moves on the caller's connection (in its transaction); no statement at all when there are none. */
    public void record(Connection c, Changes changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        UnnestColumns tiers = new UnnestColumns(11);
        for (TierChange t : changes.tiers) {
            tiers.add(t.customerId(), t.fromTier(), t.toTier(), Boolean.toString(t.wasVip()), Boolean.toString(t.vip()),
                    t.source().name(), t.vipBasis(), plain(t.windowSpend()), t.nominationId(), t.changedBy(),
                    t.changedAt().toString());
        }
        UnnestColumns credits = new UnnestColumns(9);
        for (CreditTierChange k : changes.credits) {
            credits.add(k.customerId(), k.fromTier(), k.toTier(), k.reason(), Boolean.toString(k.automatic()),
                    plain(k.fulfilmentPercent()), k.requestId(), k.changedBy(), k.changedAt().toString());
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            tiers.bind(ps, 1);
            credits.bind(ps, 12);
            ps.executeUpdate();
        }
    }

    /**
     * Records the moves in the caller's JTA transaction, for changes made through the entity manager (a nomination's
     * or a credit request's approval): within a transaction the pool hands out the transaction's own connection.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Changes changes) {
        try (Connection c = dataSource.getConnection()) {
            record(c, changes);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the tier history: " + e.getMessage(), e);
        }
    }

    /** A customer's tier moves with ids below {@code beforeId}, newest first, at most {@code limit}. */
    public List<Recorded<TierChange>> tierChanges(String customerId, long beforeId, int limit) throws SQLException {
        List<Recorded<TierChange>> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id,"
                + " from_tier, to_tier, was_vip, vip, source, vip_basis, window_spend, nomination_id, changed_by,"
                + " changed_at FROM customer_tier_change WHERE customer_id = ? AND id < ? ORDER BY id DESC LIMIT ?")) {
            bindPage(ps, customerId, beforeId, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Recorded<>(rs.getLong(1), new TierChange(customerId, rs.getString(2),
                            rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                            TierChangeSource.valueOf(rs.getString(6)), rs.getString(7), rs.getBigDecimal(8),
                            rs.getString(9), rs.getString(10), instant(rs.getTimestamp(11)))));
                }
            }
        }
        return out;
    }

    /** A customer's credit-tier moves with ids below {@code beforeId}, newest first, at most {@code limit}. */
    public List<Recorded<CreditTierChange>> creditTierChanges(String customerId, long beforeId, int limit)
            throws SQLException {
        List<Recorded<CreditTierChange>> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id,"
                + " from_tier, to_tier, reason, automatic, fulfilment_percent, request_id, changed_by, changed_at"
                + " FROM customer_credit_tier_change WHERE customer_id = ? AND id < ? ORDER BY id DESC LIMIT ?")) {
            bindPage(ps, customerId, beforeId, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Recorded<>(rs.getLong(1), new CreditTierChange(customerId, rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBigDecimal(6),
                            rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)))));
                }
            }
        }
        return out;
    }

    private static void bindPage(PreparedStatement ps, String customerId, long beforeId, int limit)
            throws SQLException {
        ps.setString(1, customerId);
        ps.setLong(2, beforeId);
        ps.setInt(3, limit);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
