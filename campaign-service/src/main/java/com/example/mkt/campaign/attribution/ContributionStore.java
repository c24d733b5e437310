package com.example.mkt.campaign.attribution;

import com.example.mkt.eventing.jdbc.FreshRows;
import com.example.mkt.eventing.jdbc.UnnestColumns;
import com.example.mkt.campaign.target.Contribution;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-sale contributions: the record of every attributed sale, written in one statement per batch. Refunds find
 * their originals here and a rebuild recomputes the running aggregates (target.ProgressStore) from them.
 */
@ApplicationScoped
public class ContributionStore {

    /** One stored contribution; {@code orgUnit} is the unit the sale named, {@code branch} the one it counts for. */
    public record Row(String campaignId, String saleEventId, String kind, String refundOf, String branch,
                      String orgUnit, String salesperson, String customerId, Instant occurredAt, BigDecimal amount,
                      String subWindow) {

        public Contribution contribution() {
            return new Contribution(branch, salesperson, occurredAt, amount);
        }
    }

    private final DataSource dataSource;

    public ContributionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts in one statement; a row that exists already (a redelivery) is left alone.
     *
     * @return the rows actually inserted: only they may move the running aggregates
     */
    public List<Row> insert(List<Row> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        UnnestColumns cols = new UnnestColumns(11);
        Map<List<String>, Row> byKey = new HashMap<>();
        for (Row r : rows) {
            cols.add(r.campaignId(), r.saleEventId(), r.kind(), r.refundOf(), r.branch(), r.orgUnit(), r.salesperson(),
                    r.customerId(), r.occurredAt().toString(), r.amount().toPlainString(), r.subWindow());
            byKey.put(List.of(r.campaignId(), r.saleEventId()), r);
        }
        try (Connection c = dataSource.getConnection()) {
            return FreshRows.insert(c, INSERT, " ON CONFLICT DO NOTHING", ps -> {
                ps.setString(1, now.toString());
                cols.bind(ps, 2);
                List<Row> inserted = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(byKey.get(List.of(rs.getString(1), rs.getString(2))));
                    }
                }
                return inserted;
            });
        }
    }

    /** A plain insert first, with ON CONFLICT only if some rows were stored before ({@link FreshRows}). */
    private static final String INSERT = "INSERT INTO campaign_contribution (campaign_id, sale_event_id,"
            + " kind, refund_of, branch, org_unit, salesperson, customer_id, occurred_at, amount, sub_window,"
            + " recorded_at) SELECT u.c, u.s, u.k, u.r, u.b, u.o, u.p, u.cu, u.at::timestamptz, u.a::numeric,"
            + " u.w, ?::timestamptz FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS u(c, s, k, r, b, o, p, cu, at, a, w) ON CONFLICT DO NOTHING"
            + " RETURNING campaign_id, sale_event_id";

    /** The stored contributions of the given sales (the originals refunds refer to), keyed campaign + eventId. */
    public Map<List<String>, Row> originals(Collection<String> saleEventIds) throws SQLException {
        Map<List<String>, Row> result = new HashMap<>();
        if (saleEventIds.isEmpty()) {
            return result;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT * FROM campaign_contribution WHERE sale_event_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", saleEventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = read(rs);
                    result.put(List.of(r.campaignId(), r.saleEventId()), r);
                }
            }
        }
        return result;
    }

    private static Row read(ResultSet rs) throws SQLException {
        return new Row(rs.getString("campaign_id"), rs.getString("sale_event_id"), rs.getString("kind"),
                rs.getString("refund_of"), rs.getString("branch"), rs.getString("org_unit"),
                rs.getString("salesperson"), rs.getString("customer_id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getBigDecimal("amount"), rs.getString("sub_window"));
    }
}
