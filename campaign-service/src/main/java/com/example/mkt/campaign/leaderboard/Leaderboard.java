package com.example.mkt.campaign.leaderboard;

import com.example.mkt.campaign.target.BranchProgress;
import com.example.mkt.campaign.target.CampaignProgress;
import com.example.mkt.campaign.target.SalespersonProgress;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Rankings of a campaign's branches and salespeople (DOMAIN.md §2 "Awards: rankings"; seed {@code 001:56}
 * "进行保费排名"). Ties share a rank; inside a tie, entries are listed by code (branch, then salesperson) so
 * the order is the same on every read.
 */
public final class Leaderboard {

    public List<Ranked<BranchProgress>> branches(CampaignProgress progress, RankingMetric metric) {
        Function<BranchProgress, BigDecimal> score = switch (metric) {
            case ATTRIBUTED_AMOUNT -> BranchProgress::achieved;
            case STARTING_RATE -> BranchProgress::startingRate;
            case BUDGET_RATE -> BranchProgress::budgetRate;
        };
        return CompetitionRanking.rank(progress.branches(), score, Comparator.comparing(BranchProgress::branch));
    }

    public List<Ranked<SalespersonProgress>> salespeople(CampaignProgress progress, RankingMetric metric) {
        Function<SalespersonProgress, BigDecimal> score = switch (metric) {
            case ATTRIBUTED_AMOUNT -> SalespersonProgress::achieved;
            case STARTING_RATE -> SalespersonProgress::startingShare;
            case BUDGET_RATE -> SalespersonProgress::budgetShare;
        };
        return CompetitionRanking.rank(progress.salespeople(), score,
                Comparator.comparing(SalespersonProgress::salesperson).thenComparing(SalespersonProgress::branch));
    }
}
