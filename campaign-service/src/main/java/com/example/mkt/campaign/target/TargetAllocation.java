package com.example.mkt.campaign.target;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The branch targets of a campaign and, when the campaign states them, its totals.
 *
 * @param startingTotal null when the campaign has no stated total
 * @param budgetTotal   null when the campaign has no stated total
 */
public record TargetAllocation(List<BranchTarget> branches, BigDecimal startingTotal, BigDecimal budgetTotal) {

    public TargetAllocation {
        branches = List.copyOf(branches);
    }

    public static TargetAllocation withoutTotals(List<BranchTarget> branches) {
        return new TargetAllocation(branches, null, null);
    }

    public Optional<BranchTarget> of(String branch) {
        return branches.stream().filter(b -> b.branch().equals(branch)).findFirst();
    }
}
