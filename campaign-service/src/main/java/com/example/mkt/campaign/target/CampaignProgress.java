package com.example.mkt.campaign.target;

import java.math.BigDecimal;
import java.util.List;

/**
 * Progress of a whole campaign.
 *
 * @param branches     one per allocated branch, in allocation order
 * @param salespeople  one per salesperson and branch, ordered by branch then salesperson
 * @param total        everything attributed, including branches without an allocation
 * @param unallocated  what branches without an allocation contributed
 * @param startingRate total / the sum of starting targets in percent (null without targets)
 * @param budgetRate   total / the sum of budget targets in percent (null without targets)
 */
public record CampaignProgress(List<BranchProgress> branches, List<SalespersonProgress> salespeople,
                               BigDecimal total, BigDecimal unallocated, BigDecimal startingRate,
                               BigDecimal budgetRate) {

    public CampaignProgress {
        branches = List.copyOf(branches);
        salespeople = List.copyOf(salespeople);
    }
}
