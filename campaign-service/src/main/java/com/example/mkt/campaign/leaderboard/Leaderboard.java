package com.example.mkt.campaign.leaderboard;

import com.example.mkt.campaign.target.BranchProgress;
import com.example.mkt.campaign.target.CampaignProgress;
import com.example.mkt.campaign.target.SalespersonProgress;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import com.example.mkt.campaign.money.Money;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Rankings of a campaign's branches and salespeople ("进行保费排名", docs/domain.md#progress-and-leaderboards). Ties share a
 * rank; inside a tie, entries are listed by code (branch, then salesperson) so the order is the same on every read.
 */
public final class Leaderboard {

    public List<Ranked<BranchProgress>> branches(CampaignProgress progress, RankingMetric metric) {
        // rates rank on the exact ratio: 90,000.00 and 89,999.99 of 90,000 both show 100.00 rounded, one reached it
        Function<BranchProgress, BigDecimal> score = switch (metric) {
            case ATTRIBUTED_AMOUNT -> BranchProgress::achieved;
            case STARTING_RATE -> b -> Money.ratio(b.achieved(), b.starting()).orElse(null);
            case BUDGET_RATE -> b -> Money.ratio(b.achieved(), b.budget()).orElse(null);
        };
        return CompetitionRanking.rank(progress.branches(), score, Comparator.comparing(BranchProgress::branch));
    }

    public List<Ranked<SalespersonProgress>> salespeople(CampaignProgress progress, RankingMetric metric) {
        Map<String, BranchProgress> targets = new HashMap<>();
        progress.branches().forEach(b -> targets.put(b.branch(), b));
        Function<SalespersonProgress, BigDecimal> score = switch (metric) {
            case ATTRIBUTED_AMOUNT -> SalespersonProgress::achieved;
            case STARTING_RATE -> p -> share(p, targets.get(p.branch()), BranchProgress::starting);
            case BUDGET_RATE -> p -> share(p, targets.get(p.branch()), BranchProgress::budget);
        };
        return CompetitionRanking.rank(progress.salespeople(), score,
                Comparator.comparing(SalespersonProgress::salesperson).thenComparing(SalespersonProgress::branch));
    }

    /** What a line shows: the amount, or the rate rounded down (ranks are decided on the exact ratio). */
    public static BigDecimal shown(BranchProgress b, RankingMetric metric) {
        return switch (metric) {
            case ATTRIBUTED_AMOUNT -> b.achieved();
            case STARTING_RATE -> b.startingRate();
            case BUDGET_RATE -> b.budgetRate();
        };
    }

    /** The target a rate metric is a share of (null for amounts and for a branch without one). */
    public static BigDecimal target(BranchProgress b, RankingMetric metric) {
        if (b == null) {
            return null;
        }
        return switch (metric) {
            case ATTRIBUTED_AMOUNT -> null;
            case STARTING_RATE -> b.starting();
            case BUDGET_RATE -> b.budget();
        };
    }

    public static BigDecimal shown(SalespersonProgress p, RankingMetric metric) {
        return switch (metric) {
            case ATTRIBUTED_AMOUNT -> p.achieved();
            case STARTING_RATE -> p.startingShare();
            case BUDGET_RATE -> p.budgetShare();
        };
    }

    /** A salesperson's exact share of their branch's target; null (ranked last) for a branch without one. */
    private static BigDecimal share(SalespersonProgress p, BranchProgress branch,
            Function<BranchProgress, BigDecimal> target) {
        return branch == null ? null : Money.ratio(p.achieved(), target.apply(branch)).orElse(null);
    }
}
