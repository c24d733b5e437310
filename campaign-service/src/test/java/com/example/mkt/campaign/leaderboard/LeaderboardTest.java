package com.example.mkt.campaign.leaderboard;

import com.example.mkt.campaign.SeedCampaign;
import com.example.mkt.campaign.target.BranchProgress;
import com.example.mkt.campaign.target.CampaignProgress;
import com.example.mkt.campaign.target.Contribution;
import com.example.mkt.campaign.target.SalespersonProgress;
import com.example.mkt.campaign.target.TargetProgressCalculator;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeaderboardTest {

    private static final Instant T0 = Instant.parse("2018-05-01T02:00:00Z");

    private final Leaderboard leaderboard = new Leaderboard();

    private static Contribution c(String branch, String person, String amount) {
        return new Contribution(branch, person, T0, new BigDecimal(amount));
    }

    private final CampaignProgress progress = new TargetProgressCalculator().progress(SeedCampaign.allocation(), List.of(
            c("B-NANCHANG", "s-1", "200000.00"),      // 111.11% of 18万
            c("B-JINGDEZHEN", "s-2", "100000.00"),    // 111.11% of 9万
            c("B-JIUJIANG", "s-3", "200000.00"),      // 133.33% of 15万
            c("B-GANZHOU", "s-4", "90000.00")));

    @Test
    void byAmountTiesShareAndListByBranchCode() {
        List<Ranked<BranchProgress>> r = leaderboard.branches(progress, RankingMetric.ATTRIBUTED_AMOUNT);
        assertEquals(List.of("B-JIUJIANG", "B-NANCHANG", "B-JINGDEZHEN", "B-GANZHOU"),
                r.subList(0, 4).stream().map(x -> x.entry().branch()).toList());
        assertEquals(List.of(1, 1, 3, 4), r.subList(0, 4).stream().map(Ranked::rank).toList());
        assertEquals(11, r.size());
        assertEquals(5, r.get(4).rank());
        assertEquals(5, r.get(10).rank(), "the seven branches without sales tie");
    }

    @Test
    void byStartingRateTheSmallBranchCatchesUp() {
        List<Ranked<BranchProgress>> r = leaderboard.branches(progress, RankingMetric.STARTING_RATE);
        assertEquals(List.of("B-JIUJIANG", "B-JINGDEZHEN", "B-NANCHANG", "B-GANZHOU"),
                r.subList(0, 4).stream().map(x -> x.entry().branch()).toList());
        assertEquals(List.of(1, 2, 2, 4), r.subList(0, 4).stream().map(Ranked::rank).toList());
        assertEquals(new BigDecimal("111.11"), Leaderboard.shown(r.get(1).entry(), RankingMetric.STARTING_RATE));
        assertEquals(r.get(1).score(), r.get(2).score(), "10/9 and 10/9: the same exact ratio, a tie");
    }

    @Test
    void byBudgetRate() {
        List<Ranked<BranchProgress>> r = leaderboard.branches(progress, RankingMetric.BUDGET_RATE);
        // 20/20 = 100%, 10/13 = 76.92%, 20/23 = 86.96%, 9/23 = 39.13%
        assertEquals(List.of("B-JIUJIANG", "B-NANCHANG", "B-JINGDEZHEN", "B-GANZHOU"),
                r.subList(0, 4).stream().map(x -> x.entry().branch()).toList());
        assertEquals(new BigDecimal("100.00"), Leaderboard.shown(r.get(0).entry(), RankingMetric.BUDGET_RATE));
    }

    @Test
    void aTargetReachedOutranksOneMissedByACentAndShowsMore() {
        CampaignProgress close = new TargetProgressCalculator().progress(SeedCampaign.allocation(), List.of(
                c("B-JINGDEZHEN", "s-1", "90000.00"),     // 9万: reached
                c("B-PINGXIANG", "s-2", "89999.99")));    // 9万: one cent short
        List<Ranked<BranchProgress>> r = leaderboard.branches(close, RankingMetric.STARTING_RATE);
        assertEquals(List.of("B-JINGDEZHEN", "B-PINGXIANG"), r.subList(0, 2).stream().map(x -> x.entry().branch())
                .toList());
        assertEquals(List.of(1, 2), r.subList(0, 2).stream().map(Ranked::rank).toList());
        assertEquals(new BigDecimal("100.00"), Leaderboard.shown(r.get(0).entry(), RankingMetric.STARTING_RATE));
        // rounded down: a target not reached never shows 100.00
        assertEquals(new BigDecimal("99.99"), Leaderboard.shown(r.get(1).entry(), RankingMetric.STARTING_RATE));
        assertEquals(null, r.get(1).entry().startingReachedAt());
        // the exact fraction stays at hand next to the rounded rate: 89,999.99 / 90,000.00
        assertEquals(0, new BigDecimal("90000").compareTo(Leaderboard.target(r.get(1).entry(), RankingMetric.STARTING_RATE)));
        assertEquals(null, Leaderboard.target(r.get(1).entry(), RankingMetric.ATTRIBUTED_AMOUNT));
        List<Ranked<SalespersonProgress>> people = leaderboard.salespeople(close, RankingMetric.STARTING_RATE);
        assertEquals(List.of("s-1", "s-2"), people.stream().map(x -> x.entry().salesperson()).toList());
        assertEquals(List.of(1, 2), people.stream().map(Ranked::rank).toList());
        assertEquals(new BigDecimal("99.99"), people.get(1).entry().startingShare());
    }

    @Test
    void salespeopleByAmount() {
        List<Ranked<SalespersonProgress>> r = leaderboard.salespeople(progress, RankingMetric.ATTRIBUTED_AMOUNT);
        assertEquals(List.of("s-1", "s-3", "s-2", "s-4"), r.stream().map(x -> x.entry().salesperson()).toList());
        assertEquals(List.of(1, 1, 3, 4), r.stream().map(Ranked::rank).toList());
    }

    @Test
    void anEmptyCampaignStillListsItsBranches() {
        CampaignProgress empty = new TargetProgressCalculator().progress(SeedCampaign.allocation(), List.of());
        List<Ranked<BranchProgress>> r = leaderboard.branches(empty, RankingMetric.STARTING_RATE);
        assertEquals(11, r.size());
        r.forEach(x -> assertEquals(1, x.rank()));
        assertEquals(List.of(), leaderboard.salespeople(empty, RankingMetric.ATTRIBUTED_AMOUNT));
    }
}
