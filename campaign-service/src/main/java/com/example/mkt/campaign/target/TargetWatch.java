package com.example.mkt.campaign.target;

import com.example.mkt.campaign.attribution.ContributionStore;
import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignEvents;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.eventing.jdbc.UnnestColumns;
import com.example.mkt.eventing.outbox.OutboundEvent;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Announces each branch target once when it is reached. The reached targets are kept in a table so that a
 * redelivery, a second replica or a recount announces nothing twice; a refund that takes a branch back below
 * a target removes its row, so reaching it again is announced again. A late sale that moves the reaching
 * earlier only corrects the stored time.
 *
 * <p>The moment is searched for only when a batch can have moved it: the branch's total crossed a target, a refund
 * came in, or a sale dated before the stored moment. Sales after the moment (the usual stream) cannot move it and
 * cost nothing here; a search reads the branch's day buckets and the one day the moment lies in ({@link ReachSearch}).
 */
@ApplicationScoped
public class TargetWatch {

    public static final String STARTING = "STARTING";
    public static final String BUDGET = "BUDGET";

    private final CampaignStore campaigns;
    private final ProgressStore progress;
    private final DataSource dataSource;

    public TargetWatch(CampaignStore campaigns, ProgressStore progress, DataSource dataSource) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.dataSource = dataSource;
    }

    /**
     * Two replicas applying sales of one campaign must not both announce the same target: one batch at a time per
     * campaign, locks taken in id order (one statement) so that two batches cannot deadlock. Taken before the
     * aggregates are written; under READ COMMITTED every later read then sees what the other batch committed.
     */
    public void lock(Set<String> campaignIds) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement(
                "SELECT count(pg_advisory_xact_lock(hashtext('campaign-targets:' || s.id)))"
                        + " FROM (SELECT id FROM unnest(?::text[]) AS u(id) ORDER BY id) s")) {
            lock.setArray(1, c.createArrayOf("text", new TreeSet<>(campaignIds).toArray()));
            lock.executeQuery().close();
        }
    }

    /** What a batch brought to one branch: enough to tell whether a target's moment may have moved. */
    private record BranchBatch(Instant earliest, boolean refunds) {
        BranchBatch with(ContributionStore.Row r) {
            return new BranchBatch(earliest == null || r.occurredAt().isBefore(earliest) ? r.occurredAt() : earliest,
                    refunds || r.amount().signum() < 0);
        }
    }

    /** A target whose stored moment must be replaced (at null: no longer reached). */
    private record Change(Campaign campaign, String branch, String target, BigDecimal amount, BigDecimal achieved,
            Instant before, Instant at) {
    }

    /**
     * @param inserted the batch's newly stored contributions (campaigns locked by {@link #lock})
     * @param totals   the new totals of the branches they touched
     */
    public List<OutboundEvent> recheck(Map<String, Campaign> byId, List<ContributionStore.Row> inserted,
            Map<ProgressStore.BranchKey, BigDecimal> totals) throws SQLException {
        Map<ProgressStore.BranchKey, BranchBatch> batches = new LinkedHashMap<>();
        inserted.forEach(r -> batches.merge(new ProgressStore.BranchKey(r.campaignId(), r.branch()),
                new BranchBatch(r.occurredAt(), r.amount().signum() < 0), (a, b) -> a.with(r)));
        Map<List<String>, Instant> stored = stored(byId.keySet());
        List<Change> changes = new ArrayList<>();
        Map<ProgressStore.BranchKey, BranchTarget> toSearch = new LinkedHashMap<>();
        batches.forEach((key, batch) -> {
            Campaign campaign = byId.get(key.campaignId());
            campaigns.allocation(campaign).of(key.branch()).ifPresent(target -> {
                BigDecimal total = totals.get(key);
                for (String kind : List.of(STARTING, BUDGET)) {
                    BigDecimal amount = STARTING.equals(kind) ? target.starting() : target.budget();
                    Instant before = stored.get(List.of(key.campaignId(), key.branch(), kind));
                    if (total.compareTo(amount) < 0) {
                        if (before != null) {
                            changes.add(new Change(campaign, key.branch(), kind, amount, total, before, null));
                        }
                    } else if (before == null || batch.refunds() || batch.earliest().isBefore(before)) {
                        toSearch.put(key, target);
                    }
                }
            });
        });
        search(toSearch, byId, totals, stored, changes);
        return apply(changes, true);
    }

    private void search(Map<ProgressStore.BranchKey, BranchTarget> toSearch, Map<String, Campaign> byId,
            Map<ProgressStore.BranchKey, BigDecimal> totals, Map<List<String>, Instant> stored, List<Change> changes)
            throws SQLException {
        Map<ProgressStore.BranchKey, List<ReachSearch.Day>> days = progress.days(toSearch.keySet());
        Map<ProgressStore.BranchDay, NavigableMap<Instant, BigDecimal>> read = progress.netByInstant(
                firstDaysToRead(toSearch, days, totals));
        for (Map.Entry<ProgressStore.BranchKey, BranchTarget> e : toSearch.entrySet()) {
            ProgressStore.BranchKey key = e.getKey();
            // the day each search reads first is there already; a further one (refunds) is read on its own
            ReachSearch.DayReader reader = day -> read.computeIfAbsent(new ProgressStore.BranchDay(key, day),
                    d -> progress.netByInstant(key, day));
            BranchTarget target = e.getValue();
            BigDecimal total = totals.get(key);
            for (String kind : List.of(STARTING, BUDGET)) {
                BigDecimal amount = STARTING.equals(kind) ? target.starting() : target.budget();
                Instant before = stored.get(List.of(key.campaignId(), key.branch(), kind));
                if (total.compareTo(amount) < 0) {
                    continue; // handled by the caller
                }
                Optional<Instant> at = ReachSearch.reachedAt(amount, days.getOrDefault(key, List.of()), total, reader);
                if (!at.equals(Optional.ofNullable(before))) {
                    changes.add(new Change(byId.get(key.campaignId()), key.branch(), kind, amount, total, before,
                            at.orElse(null)));
                }
            }
        }
    }

    private static Set<ProgressStore.BranchDay> firstDaysToRead(Map<ProgressStore.BranchKey, BranchTarget> toSearch,
            Map<ProgressStore.BranchKey, List<ReachSearch.Day>> days, Map<ProgressStore.BranchKey, BigDecimal> totals) {
        Set<ProgressStore.BranchDay> wanted = new java.util.HashSet<>();
        toSearch.forEach((key, target) -> {
            for (BigDecimal amount : List.of(target.starting(), target.budget())) {
                ReachSearch.firstDayToRead(amount, days.getOrDefault(key, List.of()), totals.get(key))
                        .ifPresent(day -> wanted.add(new ProgressStore.BranchDay(key, day)));
            }
        });
        return wanted;
    }

    private Map<List<String>, Instant> stored(Set<String> campaignIds) throws SQLException {
        Map<List<String>, Instant> stored = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT campaign_id, branch, target, reached_at FROM campaign_target_reached"
                        + " WHERE campaign_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", campaignIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(List.of(rs.getString(1), rs.getString(2), rs.getString(3)),
                            rs.getTimestamp(4).toInstant());
                }
            }
        }
        return stored;
    }

    /** Writes the changed moments (one upsert, one delete); returns the announcements of targets reached anew. */
    private List<OutboundEvent> apply(List<Change> changes, boolean announce) throws SQLException {
        UnnestColumns reached = new UnnestColumns(4);
        UnnestColumns unreached = new UnnestColumns(3);
        List<OutboundEvent> events = new ArrayList<>();
        for (Change ch : changes) {
            if (ch.at() == null) {
                unreached.add(ch.campaign().id, ch.branch(), ch.target());
                continue;
            }
            reached.add(ch.campaign().id, ch.branch(), ch.target(), ch.at().toString());
            if (ch.before() == null && announce) {
                events.add(announcement(ch));
            }
        }
        try (Connection c = dataSource.getConnection()) {
            if (!reached.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaign_target_reached (campaign_id,"
                        + " branch, target, reached_at) SELECT u.c, u.b, u.t, u.at::timestamptz FROM unnest(?::text[],"
                        + " ?::text[], ?::text[], ?::text[]) AS u(c, b, t, at) ON CONFLICT (campaign_id, branch, target)"
                        + " DO UPDATE SET reached_at = EXCLUDED.reached_at")) {
                    reached.bind(c, ps);
                    ps.executeUpdate();
                }
            }
            if (!unreached.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM campaign_target_reached WHERE"
                        + " (campaign_id, branch, target) IN (SELECT * FROM unnest(?::text[], ?::text[], ?::text[]))")) {
                    unreached.bind(c, ps);
                    ps.executeUpdate();
                }
            }
        }
        return events;
    }

    private static OutboundEvent announcement(Change ch) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", ch.campaign().id);
        data.put("code", ch.campaign().code);
        data.put("branch", ch.branch());
        data.put("target", ch.target());
        data.put("reachedAt", Api.time(ch.at()));
        data.put("targetAmount", Api.money(ch.amount()));
        data.put("achieved", Api.money(ch.achieved()));
        data.put("currency", Api.CURRENCY);
        return CampaignEvents.of(CampaignEvents.TARGET_REACHED, ch.campaign().id, data);
    }

    /**
     * A campaign's reached moments recomputed from its aggregates (after {@link ProgressStore#rebuild}); corrects the
     * table without announcing anything.
     */
    public void rebuild(Campaign campaign) throws SQLException {
        TargetAllocation allocation = campaigns.allocation(campaign);
        Map<ProgressStore.BranchKey, BranchTarget> all = new LinkedHashMap<>();
        allocation.branches().forEach(b -> all.put(new ProgressStore.BranchKey(campaign.id, b.branch()), b));
        Map<String, BigDecimal> achieved = progress.totals(campaign.id).branches();
        Map<ProgressStore.BranchKey, BigDecimal> totals = new HashMap<>();
        all.keySet().forEach(k -> totals.put(k, achieved.getOrDefault(k.branch(), BigDecimal.ZERO)));
        Map<List<String>, Instant> stored = stored(Set.of(campaign.id));
        List<Change> changes = new ArrayList<>();
        all.forEach((key, t) -> {
            for (String kind : List.of(STARTING, BUDGET)) {
                BigDecimal amount = STARTING.equals(kind) ? t.starting() : t.budget();
                Instant before = stored.get(List.of(campaign.id, key.branch(), kind));
                if (totals.get(key).compareTo(amount) < 0 && before != null) {
                    changes.add(new Change(campaign, key.branch(), kind, amount, totals.get(key), before, null));
                }
            }
        });
        search(all, Map.of(campaign.id, campaign), totals, stored, changes);
        apply(changes, false);
    }
}
