package com.example.mkt.campaign.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The closing evaluation of a campaign. Rates are percentages with 2 decimals; a rate is null when its base
 * is zero (no cost, no target customers, no buyers): there is nothing to divide by, and 0 would be a lie.
 *
 * @param roi                 (revenue - cost) / cost in percent; null when the cost is zero
 * @param participationRate   target customers who bought / target customers
 * @param branchParticipation allocated branches with attributed sales / allocated branches ("分公司参与率")
 * @param retentionRate       buyers who bought again within the window / buyers
 */
public record CampaignEvaluation(
        BigDecimal plannedStarting,
        BigDecimal plannedBudget,
        BigDecimal actual,
        BigDecimal startingAchievement,
        BigDecimal budgetAchievement,
        BigDecimal plannedCost,
        BigDecimal actualCost,
        BigDecimal costVariance,
        BigDecimal expenseControlRate,
        List<CostLineResult> costLines,
        BigDecimal roi,
        int targetCustomers,
        int participants,
        BigDecimal participationRate,
        BigDecimal branchParticipation,
        int buyers,
        int retained,
        BigDecimal retentionRate,
        List<NextTarget> nextTargets) {

    public CampaignEvaluation {
        costLines = List.copyOf(costLines);
        nextTargets = List.copyOf(nextTargets);
    }
}
