package com.example.mkt.campaign.evaluation;

import com.example.mkt.campaign.target.CampaignProgress;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a campaign's evaluation reads.
 *
 * @param progress        final progress: targets and attributed amounts per branch
 * @param costs           budget lines, planned and spent
 * @param targetCustomers customers in the target segments when the campaign ran
 * @param buyers          customers with an attributed sale
 * @param campaignEnd     the end of the campaign period (exclusive), from which retention is counted
 * @param laterPurchases  purchases from {@code campaignEnd} on; others are ignored
 */
public record EvaluationInput(
        CampaignProgress progress,
        List<CostLine> costs,
        Set<String> targetCustomers,
        Set<String> buyers,
        Instant campaignEnd,
        List<Purchase> laterPurchases) {

    public EvaluationInput {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(campaignEnd, "campaignEnd");
        costs = List.copyOf(costs);
        targetCustomers = Set.copyOf(targetCustomers);
        buyers = Set.copyOf(buyers);
        laterPurchases = List.copyOf(laterPurchases);
    }
}
