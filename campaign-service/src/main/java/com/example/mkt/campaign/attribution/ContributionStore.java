package com.example.mkt.campaign.attribution;

import com.example.mkt.campaign.target.Contribution;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The per-sale contributions, written in JDBC batches; everything downstream is recomputed from them. */
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

    /** Inserts in one batch; a row that exists already (a redelivery) is left alone. */
    public void insert(List<Row> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO campaign_contribution (campaign_id, sale_event_id,"
                     + " kind, refund_of, branch, org_unit, salesperson, customer_id, occurred_at, amount, sub_window,"
                     + " recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
            for (Row r : rows) {
                ps.setString(1, r.campaignId());
                ps.setString(2, r.saleEventId());
                ps.setString(3, r.kind());
                ps.setString(4, r.refundOf());
                ps.setString(5, r.branch());
                ps.setString(6, r.orgUnit());
                ps.setString(7, r.salesperson());
                ps.setString(8, r.customerId());
                ps.setTimestamp(9, Timestamp.from(r.occurredAt()));
                ps.setBigDecimal(10, r.amount());
                ps.setString(11, r.subWindow());
                ps.setTimestamp(12, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every contribution of the given campaigns, by campaign, in one query. */
    public Map<String, List<Row>> byCampaigns(Collection<String> campaignIds) throws SQLException {
        Map<String, List<Row>> result = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return result;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM campaign_contribution WHERE campaign_id = ANY(?)"
                     + " ORDER BY campaign_id, occurred_at, sale_event_id")) {
            ps.setArray(1, c.createArrayOf("text", campaignIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = read(rs);
                    result.computeIfAbsent(r.campaignId(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        return result;
    }

    public List<Row> ofCampaign(String campaignId) {
        try {
            return byCampaigns(List.of(campaignId)).getOrDefault(campaignId, List.of());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read contributions of " + campaignId, e);
        }
    }

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
