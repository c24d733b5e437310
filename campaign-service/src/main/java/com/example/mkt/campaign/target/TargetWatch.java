package com.example.mkt.campaign.target;

import com.example.mkt.campaign.attribution.ContributionStore;
import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignEvents;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.eventing.outbox.OutboundEvent;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Announces each branch target once when it is reached. The reached targets are kept in a table so that a
 * redelivery, a second replica or a recount announces nothing twice; a refund that takes a branch back below
 * a target removes its row, so reaching it again is announced again. A late sale that moves the reaching
 * earlier only corrects the stored time.
 */
@ApplicationScoped
public class TargetWatch {

    public static final String STARTING = "STARTING";
    public static final String BUDGET = "BUDGET";

    private final ContributionStore contributions;
    private final CampaignStore campaigns;
    private final DataSource dataSource;

    public TargetWatch(ContributionStore contributions, CampaignStore campaigns, DataSource dataSource) {
        this.contributions = contributions;
        this.campaigns = campaigns;
        this.dataSource = dataSource;
    }

    public List<OutboundEvent> recheck(Map<String, Campaign> byId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // Two replicas applying sales of one campaign would each see only their own new rows and both announce
            // the same target: one at a time per campaign, in id order so that two batches cannot deadlock. Under
            // READ COMMITTED the reads below then see what the other batch committed.
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                for (String id : new java.util.TreeSet<>(byId.keySet())) {
                    lock.setString(1, "campaign-targets:" + id);
                    lock.executeQuery().close();
                }
            }
            return recheckLocked(c, byId);
        }
    }

    private List<OutboundEvent> recheckLocked(Connection c, Map<String, Campaign> byId) throws SQLException {
        Map<String, List<ContributionStore.Row>> rows = contributions.byCampaigns(byId.keySet());
        Map<List<String>, Instant> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT campaign_id, branch, target, reached_at FROM "
                + "campaign_target_reached WHERE campaign_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", byId.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(List.of(rs.getString(1), rs.getString(2), rs.getString(3)),
                            rs.getTimestamp(4).toInstant());
                }
            }
        }
        List<OutboundEvent> events = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO campaign_target_reached (campaign_id,"
                + " branch, target, reached_at) VALUES (?,?,?,?) ON CONFLICT (campaign_id, branch, target)"
                + " DO UPDATE SET reached_at = EXCLUDED.reached_at");
             PreparedStatement delete = c.prepareStatement("DELETE FROM campaign_target_reached WHERE"
                     + " campaign_id = ? AND branch = ? AND target = ?")) {
            for (Campaign campaign : byId.values()) {
                CampaignProgress progress = new TargetProgressCalculator().progress(campaigns.allocation(campaign),
                        rows.getOrDefault(campaign.id, List.of()).stream()
                                .map(ContributionStore.Row::contribution).toList());
                for (BranchProgress b : progress.branches()) {
                    check(campaign, b, STARTING, b.startingReachedAt(), b.starting(), stored, insert, delete,
                            events);
                    check(campaign, b, BUDGET, b.budgetReachedAt(), b.budget(), stored, insert, delete, events);
                }
            }
            insert.executeBatch();
            delete.executeBatch();
        }
        return events;
    }

    private static void check(Campaign campaign, BranchProgress b, String target, Instant reachedAt,
                              BigDecimal targetAmount, Map<List<String>, Instant> stored, PreparedStatement insert,
                              PreparedStatement delete, List<OutboundEvent> events) throws SQLException {
        List<String> key = List.of(campaign.id, b.branch(), target);
        Instant before = stored.get(key);
        if (reachedAt == null) {
            if (before != null) {
                delete.setString(1, campaign.id);
                delete.setString(2, b.branch());
                delete.setString(3, target);
                delete.addBatch();
            }
            return;
        }
        if (reachedAt.equals(before)) {
            return;
        }
        insert.setString(1, campaign.id);
        insert.setString(2, b.branch());
        insert.setString(3, target);
        insert.setTimestamp(4, Timestamp.from(reachedAt));
        insert.addBatch();
        if (before == null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("campaignId", campaign.id);
            data.put("code", campaign.code);
            data.put("branch", b.branch());
            data.put("target", target);
            data.put("reachedAt", Api.time(reachedAt));
            data.put("targetAmount", Api.money(targetAmount));
            data.put("achieved", Api.money(b.achieved()));
            data.put("currency", Api.CURRENCY);
            events.add(CampaignEvents.of(CampaignEvents.TARGET_REACHED, campaign.id, data));
        }
    }
}
