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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Announces each branch target once when it is reached. The reached targets are kept in a table so that a
 * redelivery, a second replica or a recount announces nothing twice; a refund that takes a branch back below
 * a target removes its row, so reaching it again is announced again. A late sale that moves the reaching
 * earlier only corrects the stored time.
 *
 * <p>The moment is searched for only when a batch can have moved it: the branch's total crossed a target, a refund
 * came in, or a sale dated before the stored moment. Sales after the moment (the usual stream) cannot move it and
 * cost nothing here. Refunds dated in days after the moment's day (the usual refund) are checked on the branch's day
 * buckets alone; a search reads the day buckets and the one day the moment lies in ({@link ReachSearch}).
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
     * A reached target of a branch whose moment a batch may have moved. {@code quick}: the batch lay wholly in days
     * after the stored moment's, so the day buckets alone can confirm the moment ({@link ReachSearch#stillReachedAt})
     * and no contribution is read unless they cannot.
     */
    private record Check(ProgressStore.BranchKey key, String kind, BigDecimal amount, Instant before, boolean quick) {
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
        List<Check> checks = new ArrayList<>();
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
                    } else if (before == null || batch.earliest().isBefore(before)) {
                        checks.add(new Check(key, kind, amount, before, false));
                    } else if (batch.refunds()) {
                        boolean laterDaysOnly = ProgressStore.bucket(batch.earliest())
                                .isAfter(ProgressStore.bucket(before));
                        checks.add(new Check(key, kind, amount, before, laterDaysOnly));
                    }
                    // else: only sales at or after the moment, which cannot take the total back below the target
                }
            });
        });
        search(checks, byId, totals, changes);
        return apply(changes, true);
    }

    /**
     * How many days each search may read per round: the day it stands on first, then more at once, then all it still
     * needs. A batch's searches share each round's query, so a batch costs at most this many reads of days.
     */
    private static final int[] DAYS_PER_ROUND = {1, 3, 12, Integer.MAX_VALUE};

    /** Finds the moments the checks ask for: day buckets of their branches in one query, then the days needed. */
    private void search(List<Check> checks, Map<String, Campaign> byId,
            Map<ProgressStore.BranchKey, BigDecimal> totals, List<Change> changes) throws SQLException {
        if (checks.isEmpty()) {
            return;
        }
        Map<ProgressStore.BranchKey, List<ReachSearch.Day>> days = progress.days(
                checks.stream().map(Check::key).collect(Collectors.toSet()));
        Map<Check, ReachSearch.Walk> walks = new LinkedHashMap<>();
        for (Check ch : checks) {
            List<ReachSearch.Day> of = days.getOrDefault(ch.key(), List.of());
            BigDecimal total = totals.get(ch.key());
            if (!(ch.quick() && ReachSearch.stillReachedAt(ch.amount(), of, total, ch.before()))) {
                walks.put(ch, new ReachSearch.Walk(ch.amount(), of, total));
            }
        }
        Map<ProgressStore.BranchKey, Map<LocalDate, NavigableMap<Instant, BigDecimal>>> read = new HashMap<>();
        for (int round = 0; walks.values().stream().anyMatch(w -> !w.done()); round++) {
            int n = DAYS_PER_ROUND[Math.min(round, DAYS_PER_ROUND.length - 1)];
            Set<ProgressStore.BranchDay> wanted = new HashSet<>();
            walks.forEach((ch, walk) -> walk.wanted(n).forEach(day -> {
                if (!read.getOrDefault(ch.key(), Map.of()).containsKey(day)) {
                    wanted.add(new ProgressStore.BranchDay(ch.key(), day));
                }
            }));
            progress.netByInstant(wanted).forEach((bd, net) -> read.computeIfAbsent(bd.key(), k -> new HashMap<>())
                    .put(bd.day(), net));
            walks.forEach((ch, walk) -> walk.advance(read.getOrDefault(ch.key(), Map.of())));
        }
        walks.forEach((ch, walk) -> {
            Optional<Instant> at = walk.result();
            if (!at.equals(Optional.ofNullable(ch.before()))) {
                changes.add(new Change(byId.get(ch.key().campaignId()), ch.key().branch(), ch.kind(), ch.amount(),
                        totals.get(ch.key()), ch.before(), at.orElse(null)));
            }
        });
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
                    reached.bind(ps);
                    ps.executeUpdate();
                }
            }
            if (!unreached.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM campaign_target_reached WHERE"
                        + " (campaign_id, branch, target) IN (SELECT * FROM unnest(?::text[], ?::text[], ?::text[]))")) {
                    unreached.bind(ps);
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
        Map<String, BigDecimal> achieved = progress.totals(campaign.id).branches();
        Map<List<String>, Instant> stored = stored(Set.of(campaign.id));
        Map<ProgressStore.BranchKey, BigDecimal> totals = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (BranchTarget t : campaigns.allocation(campaign).branches()) {
            ProgressStore.BranchKey key = new ProgressStore.BranchKey(campaign.id, t.branch());
            BigDecimal total = achieved.getOrDefault(t.branch(), BigDecimal.ZERO);
            totals.put(key, total);
            for (String kind : List.of(STARTING, BUDGET)) {
                BigDecimal amount = STARTING.equals(kind) ? t.starting() : t.budget();
                Instant before = stored.get(List.of(campaign.id, t.branch(), kind));
                if (total.compareTo(amount) >= 0) {
                    checks.add(new Check(key, kind, amount, before, false));
                } else if (before != null) {
                    changes.add(new Change(campaign, t.branch(), kind, amount, total, before, null));
                }
            }
        }
        search(checks, Map.of(campaign.id, campaign), totals, changes);
        apply(changes, false);
    }
}
