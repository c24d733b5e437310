package com.example.mkt.campaign.award;

import com.example.mkt.campaign.leaderboard.CompetitionRanking;
import com.example.mkt.campaign.leaderboard.Ranked;
import com.example.mkt.campaign.money.Money;
import com.example.mkt.campaign.target.BranchProgress;
import com.example.mkt.campaign.target.CampaignProgress;
import com.example.mkt.campaign.target.SalespersonProgress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Awards of a campaign from its final progress (seed {@code 001:87-93}; DOMAIN.md §2 "Awards").
 *
 * <p><b>Speed award</b> ({@code 001:89}): branches that reached their budget target, in the order they reached
 * it; if fewer than the prized places did, branches that reached only their starting target fill the remaining
 * places in the order they reached that. A branch's prize is split among its sales-management manager and staff
 * by role weight ({@code 001:92-93}: the weights belong to this award, not to the individual one).
 *
 * <p><b>Individual award</b> ({@code 001:91}): salespeople whose branch reached its starting target and whose
 * own sales are at least the minimum, ranked by sales; each place has its prize. A salesperson's own award is
 * not split.
 *
 * <p><b>Ties share</b>: participants tied on the ranked value (the same sales, or the same instant) occupy as
 * many places as they are and split the sum of those places' prizes equally; places beyond the prize table add
 * nothing. Every split is to the cent with the sum kept exact: shares are rounded down to the cent and the cents
 * left over go one each to the participants in ascending id order (branch code, staff id or salesperson id);
 * for role-weighted splits, to the largest dropped fraction first, then manager before staff, then by id.
 */
public final class AwardCalculator {

    private final AwardPolicy policy;

    public AwardCalculator(AwardPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param progress            the campaign's final progress
     * @param recipientsByBranch  the speed-award recipients of each branch (missing: the branch keeps it whole)
     */
    public AwardResult calculate(CampaignProgress progress, Map<String, List<SpeedRecipient>> recipientsByBranch) {
        List<SpeedAward> speed = speedAwards(progress.branches(), recipientsByBranch);
        List<Ineligibility> ineligible = new ArrayList<>();
        List<IndividualAward> individual = individualAwards(progress, ineligible);
        BigDecimal awarded = Money.sum(speed.stream().map(SpeedAward::amount).toList())
                .add(Money.sum(individual.stream().map(IndividualAward::amount).toList()));
        return new AwardResult(speed, individual, ineligible, awarded, Money.of(policy.pool().subtract(awarded)));
    }

    private record Contender(BranchProgress branch, AwardRule rule, Instant reachedAt) {
    }

    private List<SpeedAward> speedAwards(List<BranchProgress> branches, Map<String, List<SpeedRecipient>> recipients) {
        PrizeTable prizes = policy.speedPrizes();
        Comparator<Contender> byTimeThenCode = Comparator.comparing(Contender::reachedAt)
                .thenComparing(c -> c.branch().branch());
        List<Contender> contenders = new ArrayList<>(branches.stream()
                .filter(BranchProgress::budgetReached)
                .map(b -> new Contender(b, AwardRule.SPEED_BUDGET_TARGET, b.budgetReachedAt()))
                .sorted(byTimeThenCode)
                .toList());
        if (policy.fillSpeedWithStarting() && contenders.size() < prizes.placesAwarded()) {
            branches.stream()
                    .filter(b -> b.startingReached() && !b.budgetReached())
                    .map(b -> new Contender(b, AwardRule.SPEED_STARTING_TARGET_FILL, b.startingReachedAt()))
                    .sorted(byTimeThenCode)
                    .forEach(contenders::add);
        }

        List<SpeedAward> awards = new ArrayList<>();
        int place = 1;
        for (List<Contender> tie : ties(contenders, c -> c.rule() + "@" + c.reachedAt())) {
            if (place > prizes.placesAwarded()) {
                break;
            }
            BigDecimal pot = prizes.prizesFor(place, tie.size());
            List<BigDecimal> amounts = splitEqually(pot, tie.size());
            for (int i = 0; i < tie.size(); i++) {
                Contender c = tie.get(i);
                List<RecipientShare> shares = splitByRole(amounts.get(i),
                        recipients.getOrDefault(c.branch().branch(), List.of()));
                awards.add(new SpeedAward(c.branch().branch(), c.rule(), place, tie.size(), c.reachedAt(),
                        amounts.get(i), shares, explainSpeed(c, place, tie.size(), pot, amounts.get(i))));
            }
            place += tie.size();
        }
        return awards;
    }

    private List<IndividualAward> individualAwards(CampaignProgress progress, List<Ineligibility> ineligible) {
        Map<String, BranchProgress> branches = progress.branches().stream()
                .collect(Collectors.toMap(BranchProgress::branch, Function.identity()));
        List<SalespersonProgress> qualified = new ArrayList<>();
        for (SalespersonProgress sp : progress.salespeople()) {
            List<Ineligibility.Reason> reasons = new ArrayList<>();
            BranchProgress branch = branches.get(sp.branch());
            if (branch == null) {
                reasons.add(Ineligibility.Reason.BRANCH_NOT_ALLOCATED);
            } else if (!branch.startingReached()) {
                reasons.add(Ineligibility.Reason.BRANCH_BELOW_STARTING_TARGET);
            }
            if (!Money.atLeast(sp.achieved(), policy.individualMinimumSales())) {
                reasons.add(Ineligibility.Reason.BELOW_MINIMUM_SALES);
            }
            if (reasons.isEmpty()) {
                qualified.add(sp);
            } else {
                ineligible.add(new Ineligibility(sp.salesperson(), sp.branch(), sp.achieved(), reasons));
            }
        }

        List<Ranked<SalespersonProgress>> ranked = CompetitionRanking.rank(qualified, SalespersonProgress::achieved,
                Comparator.comparing(SalespersonProgress::salesperson).thenComparing(SalespersonProgress::branch));
        List<IndividualAward> awards = new ArrayList<>();
        for (List<Ranked<SalespersonProgress>> tie : ties(ranked, Ranked::rank)) {
            int place = tie.get(0).rank();
            BigDecimal pot = policy.individualPrizes().prizesFor(place, tie.size());
            List<BigDecimal> amounts = splitEqually(pot, tie.size());
            for (int i = 0; i < tie.size(); i++) {
                SalespersonProgress sp = tie.get(i).entry();
                awards.add(new IndividualAward(sp.salesperson(), sp.branch(), sp.achieved(), place, tie.size(),
                        amounts.get(i), explainIndividual(sp, place, tie.size(), pot, amounts.get(i))));
            }
        }
        return awards;
    }

    private List<RecipientShare> splitByRole(BigDecimal amount, List<SpeedRecipient> recipients) {
        List<SpeedRecipient> ordered = new ArrayList<>(recipients);
        ordered.sort(Comparator.comparing((SpeedRecipient r) -> weight(r)).reversed()
                .thenComparing(SpeedRecipient::role)
                .thenComparing(SpeedRecipient::staffId));
        List<BigDecimal> weights = ordered.stream().map(this::weight).toList();
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            return List.of();
        }
        List<BigDecimal> amounts = Money.allocate(amount, weights);
        List<RecipientShare> shares = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            shares.add(new RecipientShare(ordered.get(i).staffId(), ordered.get(i).role(), weights.get(i),
                    amounts.get(i)));
        }
        return shares;
    }

    private BigDecimal weight(SpeedRecipient r) {
        return policy.speedRecipientWeights().get(r.role());
    }

    private static List<BigDecimal> splitEqually(BigDecimal pot, int count) {
        return Money.allocate(pot, Collections.nCopies(count, BigDecimal.ONE));
    }

    /** Consecutive runs of an already ordered list that share the same key. */
    private static <T> List<List<T>> ties(List<T> ordered, Function<T, Object> key) {
        List<List<T>> runs = new ArrayList<>();
        for (T item : ordered) {
            if (runs.isEmpty() || !Objects.equals(key.apply(runs.get(runs.size() - 1).get(0)), key.apply(item))) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(item);
        }
        return runs;
    }

    private static String places(int place, int tied) {
        return tied == 1 ? "place " + place : "places " + place + "-" + (place + tied - 1);
    }

    private static String explainSpeed(Contender c, int place, int tied, BigDecimal pot, BigDecimal amount) {
        String how = c.rule() == AwardRule.SPEED_BUDGET_TARGET
                ? "reached its budget target at " + c.reachedAt()
                : "reached its starting target at " + c.reachedAt() + ", filling a place fewer budget targets took";
        String share = tied == 1 ? "" : ", shared equally by " + tied + " branches (" + pot + " in all)";
        return "Speed award " + places(place, tied) + ": " + c.branch().branch() + " " + how + share + ": " + amount;
    }

    private static String explainIndividual(SalespersonProgress sp, int place, int tied, BigDecimal pot,
                                            BigDecimal amount) {
        String share = tied == 1 ? "" : ", shared equally by " + tied + " with equal sales (" + pot + " in all)";
        return "Individual award " + places(place, tied) + ": " + sp.salesperson() + " (" + sp.branch()
                + ") sold " + sp.achieved() + share + ": " + amount;
    }
}
