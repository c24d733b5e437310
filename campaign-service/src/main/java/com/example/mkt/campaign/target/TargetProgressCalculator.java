package com.example.mkt.campaign.target;

import com.example.mkt.campaign.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress per branch and per salesperson against the starting and budget targets
 * (docs/domain.md#progress-and-leaderboards).
 *
 * <p>When a target was reached matters for the speed award. Contributions at the same instant
 * are netted first, so the answer does not depend on the order events arrived in. A refund that takes the
 * running total back below a target un-reaches it: the target counts as reached at the last time the total
 * rose to it and stayed, so a branch cannot win the race with sales it later refunds.
 */
public final class TargetProgressCalculator {

    /** When each of a branch's two targets was reached (null: not reached now). */
    public record Reached(Instant starting, Instant budget) {
        public static final Reached NONE = new Reached(null, null);
    }

    /** From every contribution: the reference the running aggregates are checked against. */
    public CampaignProgress progress(TargetAllocation allocation, List<Contribution> contributions) {
        Map<String, TreeMap<Instant, BigDecimal>> byBranch = new LinkedHashMap<>();
        Map<List<String>, BigDecimal> byPerson = new LinkedHashMap<>();
        for (Contribution c : contributions) {
            byBranch.computeIfAbsent(c.branch(), b -> new TreeMap<>()).merge(c.at(), c.amount(), BigDecimal::add);
            if (c.salesperson() != null) {
                byPerson.merge(List.of(c.branch(), c.salesperson()), c.amount(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> achieved = new LinkedHashMap<>();
        byBranch.forEach((branch, net) -> achieved.put(branch, net.values().stream().reduce(BigDecimal.ZERO,
                BigDecimal::add)));
        Map<String, Reached> reached = new LinkedHashMap<>();
        for (BranchTarget target : allocation.branches()) {
            reached.put(target.branch(), reached(target, byBranch.getOrDefault(target.branch(), new TreeMap<>())));
        }
        return fromTotals(allocation, achieved, reached, byPerson);
    }

    /**
     * From running totals: what each branch (allocated or not) achieved, when its targets were reached, and what each
     * (branch, salesperson) achieved. Reads cost what the campaign's branches and people number, never its sales.
     */
    public CampaignProgress fromTotals(TargetAllocation allocation, Map<String, BigDecimal> achievedByBranch,
            Map<String, Reached> reached, Map<List<String>, BigDecimal> byPerson) {
        BigDecimal total = achievedByBranch.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BranchProgress> branches = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal startingSum = BigDecimal.ZERO;
        BigDecimal budgetSum = BigDecimal.ZERO;
        for (BranchTarget target : allocation.branches()) {
            BranchProgress p = branchProgress(target, achievedByBranch.getOrDefault(target.branch(), BigDecimal.ZERO),
                    reached.getOrDefault(target.branch(), Reached.NONE));
            branches.add(p);
            allocated = allocated.add(p.achieved());
            startingSum = startingSum.add(target.starting());
            budgetSum = budgetSum.add(target.budget());
        }

        Map<List<String>, BigDecimal> sortedPeople = new TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
        sortedPeople.putAll(byPerson);
        List<SalespersonProgress> people = new ArrayList<>();
        sortedPeople.forEach((key, achieved) -> {
            BranchTarget target = allocation.of(key.get(0)).orElse(null);
            people.add(new SalespersonProgress(key.get(1), key.get(0), Money.of(achieved),
                    target == null ? null : Money.achievement(achieved, target.starting()).orElse(null),
                    target == null ? null : Money.achievement(achieved, target.budget()).orElse(null)));
        });

        return new CampaignProgress(branches, people, Money.of(total), Money.of(total.subtract(allocated)),
                Money.achievement(total, startingSum).orElse(null), Money.achievement(total, budgetSum).orElse(null));
    }

    private static Reached reached(BranchTarget target, TreeMap<Instant, BigDecimal> netByInstant) {
        BigDecimal running = BigDecimal.ZERO;
        Instant startingAt = null;
        Instant budgetAt = null;
        for (Map.Entry<Instant, BigDecimal> e : netByInstant.entrySet()) {
            running = running.add(e.getValue());
            startingAt = reachedAt(running, target.starting(), startingAt, e.getKey());
            budgetAt = reachedAt(running, target.budget(), budgetAt, e.getKey());
        }
        return new Reached(startingAt, budgetAt);
    }

    private static BranchProgress branchProgress(BranchTarget target, BigDecimal total, Reached reached) {
        BigDecimal achieved = Money.of(total);
        return new BranchProgress(target.branch(), Money.of(target.starting()), Money.of(target.budget()), achieved,
                Money.achievement(achieved, target.starting()).orElse(null),
                Money.achievement(achieved, target.budget()).orElse(null),
                reached.starting(), reached.budget(),
                Money.of(target.starting().subtract(achieved).max(BigDecimal.ZERO)),
                Money.of(target.budget().subtract(achieved).max(BigDecimal.ZERO)));
    }

    private static Instant reachedAt(BigDecimal running, BigDecimal target, Instant reachedSoFar, Instant now) {
        if (running.compareTo(target) < 0) {
            return null;
        }
        return reachedSoFar != null ? reachedSoFar : now;
    }
}
