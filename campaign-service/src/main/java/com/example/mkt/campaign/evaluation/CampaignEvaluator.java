package com.example.mkt.campaign.evaluation;

import com.example.mkt.campaign.money.Money;
import com.example.mkt.campaign.target.BranchProgress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a closed campaign (docs/domain.md#campaign-evaluation): planned vs actual, cost against budget lines,
 * ROI, participation of target customers and of branches, retention of buyers, and suggested next targets.
 */
public final class CampaignEvaluator {

    private final EvaluationPolicy policy;

    public CampaignEvaluator(EvaluationPolicy policy) {
        this.policy = policy;
    }

    /**
     * (revenue − cost) ÷ cost in percent, empty when nothing was spent. Net refunds are no negative revenue: what
     * the campaign brought in is at least nothing. The evaluation and the {@code campaign.evaluated} event both
     * use this, so they never disagree.
     */
    public static Optional<BigDecimal> roi(BigDecimal attributed, BigDecimal cost) {
        return Money.percent(revenue(attributed).subtract(cost), cost);
    }

    public static BigDecimal revenue(BigDecimal attributed) {
        return Money.of(attributed.max(BigDecimal.ZERO));
    }

    public CampaignEvaluation evaluate(EvaluationInput in) {
        List<BranchProgress> branches = in.progress().branches();
        BigDecimal plannedStarting = Money.sum(branches.stream().map(BranchProgress::starting).toList());
        BigDecimal plannedBudget = Money.sum(branches.stream().map(BranchProgress::budget).toList());
        BigDecimal actual = in.progress().total();

        List<CostLineResult> lines = new ArrayList<>();
        for (CostLine c : in.costs()) {
            BigDecimal variance = Money.of(c.spent().subtract(c.planned()));
            lines.add(new CostLineResult(c.name(), Money.of(c.planned()), Money.of(c.spent()), variance,
                    Money.percent(c.spent(), c.planned()).orElse(null), variance.signum() > 0));
        }
        BigDecimal plannedCost = Money.sum(lines.stream().map(CostLineResult::planned).toList());
        BigDecimal actualCost = Money.sum(lines.stream().map(CostLineResult::spent).toList());

        Set<String> participants = new HashSet<>(in.buyers());
        participants.retainAll(in.targetCustomers());
        long sellingBranches = branches.stream().filter(b -> b.achieved().signum() > 0).count();

        Instant windowEnd = in.campaignEnd().atZone(policy.zone()).plus(policy.retentionWindow()).toInstant();
        Set<String> retained = new HashSet<>();
        for (Purchase p : in.laterPurchases()) {
            boolean inWindow = !p.at().isBefore(in.campaignEnd()) && p.at().isBefore(windowEnd);
            if (inWindow && in.buyers().contains(p.customerId())) {
                retained.add(p.customerId());
            }
        }

        return new CampaignEvaluation(
                plannedStarting, plannedBudget, actual,
                Money.percent(actual, plannedStarting).orElse(null),
                Money.percent(actual, plannedBudget).orElse(null),
                plannedCost, actualCost, Money.of(actualCost.subtract(plannedCost)),
                Money.percent(actualCost, plannedCost).orElse(null),
                lines,
                roi(actual, actualCost).orElse(null),
                in.targetCustomers().size(), participants.size(),
                Money.percent(BigDecimal.valueOf(participants.size()), BigDecimal.valueOf(in.targetCustomers().size()))
                        .orElse(null),
                Money.percent(BigDecimal.valueOf(sellingBranches), BigDecimal.valueOf(branches.size())).orElse(null),
                in.buyers().size(), retained.size(),
                Money.percent(BigDecimal.valueOf(retained.size()), BigDecimal.valueOf(in.buyers().size())).orElse(null),
                branches.stream().map(this::nextTarget).toList());
    }

    private NextTarget nextTarget(BranchProgress b) {
        BigDecimal starting = b.achieved().multiply(BigDecimal.ONE.add(policy.startingUplift()));
        BigDecimal budget = b.achieved().multiply(BigDecimal.ONE.add(policy.budgetUplift()));
        if (policy.carryMissedTargets()) {
            starting = starting.max(b.starting());
            budget = budget.max(b.budget());
        }
        BigDecimal suggestedStarting = roundUp(starting);
        BigDecimal suggestedBudget = roundUp(budget).max(suggestedStarting);
        return new NextTarget(b.branch(), b.achieved(), b.starting(), b.budget(), suggestedStarting, suggestedBudget);
    }

    /** Up, so a suggested target never asks less than the uplift; a non-positive base stays at zero. */
    private BigDecimal roundUp(BigDecimal amount) {
        if (amount.signum() <= 0) {
            return Money.ZERO;
        }
        BigDecimal units = amount.divide(policy.roundingUnit(), 0, RoundingMode.CEILING);
        return Money.of(units.multiply(policy.roundingUnit()));
    }
}
