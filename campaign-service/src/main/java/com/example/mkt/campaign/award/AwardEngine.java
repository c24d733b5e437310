package com.example.mkt.campaign.award;

import com.example.mkt.campaign.award.AwardRuleSet.Award;
import com.example.mkt.campaign.award.AwardRuleSet.Condition;
import com.example.mkt.campaign.award.AwardRuleSet.Ranking;
import com.example.mkt.campaign.award.AwardRuleSet.Recipient;
import com.example.mkt.campaign.award.AwardRuleSet.Subject;
import com.example.mkt.campaign.award.AwardRuleSet.Target;
import com.example.mkt.campaign.money.Money;
import com.example.mkt.campaign.target.BranchProgress;
import com.example.mkt.campaign.target.CampaignProgress;
import com.example.mkt.campaign.target.SalespersonProgress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the awards of a declarative {@link AwardRuleSet} from a campaign's progress (docs/domain.md#awards).
 * Nothing else goes in, so the same contributions and rules always give the same result.
 *
 * <p>For each award: the subjects (allocated branches, or salespeople with their branch) that meet every
 * condition are ranked on the award's metric; if fewer than the prized places qualified and a fill-in rule is
 * declared, the subjects meeting its conditions follow, ranked on its metric. Places are handed out down that
 * list.
 *
 * <p><b>Ties share</b>: subjects equal on the ranked value (the same instant, amount or exact percentage) occupy
 * as many places as they are and split the sum of those places' band amounts equally; places beyond the bands add
 * nothing. Every split is exact to the cent: shares are rounded down to the cent and the cents left over go one
 * each to the tied subjects in ascending id order (branch code; salesperson id, then branch); for role-weighted
 * splits, to the largest dropped fraction first, then the higher weight, then role name, then staff id.
 */
public final class AwardEngine {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A rankable subject: a branch (salesperson null) or a salesperson with their branch's progress. */
    private record Candidate(String branch, String salesperson, BranchProgress branchProgress, BigDecimal sales,
                             BigDecimal startingTarget, BigDecimal budgetTarget) {

        String id() {
            return salesperson == null ? branch : salesperson + "\u0000" + branch;
        }
    }

    private record Entry(Candidate candidate, AwardRule rule, Ranking ranking, Comparable<?> key, boolean fill) {
    }

    public AwardResult compute(AwardRuleSet rules, CampaignProgress progress) {
        List<AwardOutcome> outcomes = new ArrayList<>();
        for (Award award : rules.awards()) {
            outcomes.add(compute(award, progress));
        }
        BigDecimal awarded = Money.sum(outcomes.stream().map(AwardOutcome::awarded).toList());
        BigDecimal pool = Money.of(rules.effectivePool());
        return new AwardResult(outcomes, pool, awarded, Money.of(pool.subtract(awarded)));
    }

    private AwardOutcome compute(Award award, CampaignProgress progress) {
        List<Candidate> candidates = candidates(award.subject(), progress);
        List<Candidate> qualified = new ArrayList<>();
        List<Candidate> failed = new ArrayList<>();
        List<List<Ineligibility.Reason>> failedReasons = new ArrayList<>();
        for (Candidate c : candidates) {
            List<Ineligibility.Reason> reasons = failures(award.qualify(), c);
            if (reasons.isEmpty()) {
                qualified.add(c);
            } else {
                failed.add(c);
                failedReasons.add(reasons);
            }
        }
        List<Entry> ordered = new ArrayList<>(ranked(qualified, award.rankBy(), award.rule(), false));
        Set<String> filled = new HashSet<>();
        if (award.fillIn() != null && qualified.size() < award.placesAwarded()) {
            List<Candidate> fill = failed.stream().filter(c -> failures(award.fillIn().qualify(), c).isEmpty())
                    .toList();
            ordered.addAll(ranked(fill, award.fillIn().rankBy(), award.fillIn().rule(), true));
        }

        List<AwardLine> lines = new ArrayList<>();
        int place = 1;
        for (List<Entry> tie : ties(ordered)) {
            if (!award.listUnplaced() && place > award.placesAwarded()) {
                break;
            }
            BigDecimal pot = award.prizesFor(place, tie.size());
            List<BigDecimal> amounts = Money.allocate(pot, Collections.nCopies(tie.size(), BigDecimal.ONE));
            for (int i = 0; i < tie.size(); i++) {
                Entry e = tie.get(i);
                Candidate c = e.candidate();
                filled.add(c.id());
                List<RecipientShare> shares = award.split() == null || c.salesperson() != null ? List.of()
                        : split(amounts.get(i), award.split().weights(),
                        award.split().recipients().getOrDefault(c.branch(), List.of()));
                lines.add(new AwardLine(award.name(), award.subject(), c.branch(), c.salesperson(), e.rule(), place,
                        tie.size(), score(e), reachedAt(e), Money.of(c.sales()), amounts.get(i), shares,
                        explain(award, e, place, tie.size(), pot, amounts.get(i))));
            }
            place += tie.size();
        }

        List<Ineligibility> ineligible = new ArrayList<>();
        for (int i = 0; i < failed.size(); i++) {
            Candidate c = failed.get(i);
            if (!filled.contains(c.id())) {
                ineligible.add(new Ineligibility(c.salesperson(), c.branch(), Money.of(c.sales()),
                        failedReasons.get(i)));
            }
        }
        return new AwardOutcome(award.name(), award.subject(), lines, ineligible,
                Money.sum(lines.stream().map(AwardLine::amount).toList()));
    }

    private static List<Candidate> candidates(Subject subject, CampaignProgress progress) {
        if (subject == Subject.BRANCH) {
            return progress.branches().stream().map(b -> new Candidate(b.branch(), null, b, b.achieved(),
                    b.starting(), b.budget())).toList();
        }
        Map<String, BranchProgress> branches = progress.branches().stream()
                .collect(Collectors.toMap(BranchProgress::branch, Function.identity()));
        return progress.salespeople().stream().map(sp -> {
            BranchProgress b = branches.get(sp.branch());
            return new Candidate(sp.branch(), sp.salesperson(), b, sp.achieved(), b == null ? null : b.starting(),
                    b == null ? null : b.budget());
        }).toList();
    }

    /** The reasons the candidate fails the conditions, in condition order; empty when it meets them all. */
    static List<Ineligibility.Reason> failures(List<Condition> conditions, Candidate c) {
        Set<Ineligibility.Reason> reasons = new LinkedHashSet<>();
        for (Condition cond : conditions) {
            BranchProgress b = c.branchProgress();
            switch (cond.metric()) {
                case BRANCH_REACHED -> {
                    if (b == null) {
                        reasons.add(Ineligibility.Reason.BRANCH_NOT_ALLOCATED);
                    } else if (cond.target() == Target.STARTING && !b.startingReached()) {
                        reasons.add(Ineligibility.Reason.BRANCH_BELOW_STARTING_TARGET);
                    } else if (cond.target() == Target.BUDGET && !b.budgetReached()) {
                        reasons.add(Ineligibility.Reason.BRANCH_BELOW_BUDGET_TARGET);
                    }
                }
                case OWN_SALES -> {
                    if (!cond.op().test(c.sales().compareTo(cond.value()))) {
                        reasons.add(cond.op() == AwardRuleSet.Op.GE || cond.op() == AwardRuleSet.Op.GT
                                ? Ineligibility.Reason.BELOW_MINIMUM_SALES
                                : Ineligibility.Reason.OWN_SALES_CONDITION_NOT_MET);
                    }
                }
                case BRANCH_AMOUNT -> {
                    if (b == null) {
                        reasons.add(Ineligibility.Reason.BRANCH_NOT_ALLOCATED);
                    } else if (!cond.op().test(b.achieved().compareTo(cond.value()))) {
                        reasons.add(Ineligibility.Reason.BRANCH_AMOUNT_CONDITION_NOT_MET);
                    }
                }
                case BRANCH_AMOUNT_PCT_OF -> {
                    if (b == null) {
                        reasons.add(Ineligibility.Reason.BRANCH_NOT_ALLOCATED);
                    } else {
                        // exact: achieved x 100 against value x target, no rounded rate in between
                        BigDecimal target = cond.target() == Target.STARTING ? b.starting() : b.budget();
                        int cmp = b.achieved().multiply(HUNDRED).compareTo(cond.value().multiply(target));
                        if (!cond.op().test(cmp)) {
                            reasons.add(cond.target() == Target.STARTING
                                    ? Ineligibility.Reason.BRANCH_PCT_OF_STARTING_NOT_MET
                                    : Ineligibility.Reason.BRANCH_PCT_OF_BUDGET_NOT_MET);
                        }
                    }
                }
                default -> throw new IllegalStateException("unknown metric " + cond.metric());
            }
        }
        return List.copyOf(reasons);
    }

    /** Best first; equal keys are ordered by subject id (the tie-breaker for display and for leftover cents). */
    private static List<Entry> ranked(List<Candidate> candidates, Ranking ranking, AwardRule rule, boolean fill) {
        List<Entry> entries = new ArrayList<>(candidates.stream().map(c -> new Entry(c, rule, ranking,
                key(ranking, c), fill)).toList());
        entries.sort(Comparator.comparing((Entry e) -> e, AwardEngine::compareKeys)
                .thenComparing(e -> e.candidate().id()));
        return entries;
    }

    /** The ranking key, normalised so that smaller is better; null (undefined) ranks last. */
    private static Comparable<?> key(Ranking ranking, Candidate c) {
        return switch (ranking.metric()) {
            case REACHED_AT -> c.branchProgress() == null ? null : ranking.target() == Target.STARTING
                    ? c.branchProgress().startingReachedAt() : c.branchProgress().budgetReachedAt();
            case AMOUNT -> c.sales().negate();
            case PCT_OF_STARTING -> pct(c.sales(), c.startingTarget());
            case PCT_OF_BUDGET -> pct(c.sales(), c.budgetTarget());
        };
    }

    private static BigDecimal pct(BigDecimal amount, BigDecimal target) {
        if (target == null || target.signum() == 0) {
            return null;
        }
        return amount.multiply(HUNDRED).divide(target, 12, RoundingMode.HALF_UP).negate();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Entry a, Entry b) {
        Comparable ka = (Comparable) a.key();
        Comparable kb = (Comparable) b.key();
        if (ka == null || kb == null) {
            return ka == kb ? 0 : ka == null ? 1 : -1;
        }
        return ka.compareTo(kb);
    }

    /** Consecutive runs of the ordered list with equal keys (a fill-in never ties a main place). */
    private static List<List<Entry>> ties(List<Entry> ordered) {
        List<List<Entry>> runs = new ArrayList<>();
        for (Entry e : ordered) {
            if (runs.isEmpty()) {
                runs.add(new ArrayList<>(List.of(e)));
                continue;
            }
            List<Entry> last = runs.get(runs.size() - 1);
            Entry prev = last.get(0);
            if (prev.fill() == e.fill() && compareKeys(prev, e) == 0) {
                last.add(e);
            } else {
                runs.add(new ArrayList<>(List.of(e)));
            }
        }
        return runs;
    }

    static List<RecipientShare> split(BigDecimal amount, Map<String, BigDecimal> weights, List<Recipient> people) {
        List<Recipient> ordered = new ArrayList<>(people);
        ordered.sort(Comparator.comparing((Recipient r) -> weights.getOrDefault(r.role(), BigDecimal.ZERO))
                .reversed().thenComparing(Recipient::role).thenComparing(Recipient::staffId));
        List<BigDecimal> w = ordered.stream().map(r -> weights.getOrDefault(r.role(), BigDecimal.ZERO)).toList();
        if (w.isEmpty() || w.stream().allMatch(x -> x.signum() == 0)) {
            return List.of();
        }
        List<BigDecimal> amounts = Money.allocate(amount, w);
        List<RecipientShare> shares = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            shares.add(new RecipientShare(ordered.get(i).staffId(), ordered.get(i).role().toUpperCase(Locale.ROOT),
                    w.get(i), amounts.get(i)));
        }
        return shares;
    }

    private static BigDecimal score(Entry e) {
        Candidate c = e.candidate();
        return switch (e.ranking().metric()) {
            case REACHED_AT -> null;
            case AMOUNT -> Money.of(c.sales());
            case PCT_OF_STARTING -> Money.percent(c.sales(), nz(c.startingTarget())).orElse(null);
            case PCT_OF_BUDGET -> Money.percent(c.sales(), nz(c.budgetTarget())).orElse(null);
        };
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static Instant reachedAt(Entry e) {
        return e.ranking().metric() == AwardRuleSet.RankMetric.REACHED_AT ? (Instant) e.key() : null;
    }

    private static String places(int place, int tied) {
        return tied == 1 ? "place " + place : "places " + place + "-" + (place + tied - 1);
    }

    private static String explain(Award award, Entry e, int place, int tied, BigDecimal pot, BigDecimal amount) {
        Candidate c = e.candidate();
        String who = c.salesperson() == null ? c.branch() : c.salesperson() + " (" + c.branch() + ")";
        Ranking r = e.ranking();
        String how = switch (r.metric()) {
            case REACHED_AT -> e.key() == null ? "has not reached its " + r.target().name().toLowerCase(Locale.ROOT)
                    + " target" : "reached its " + r.target().name().toLowerCase(Locale.ROOT) + " target at " + e.key();
            case AMOUNT -> "sold " + Money.of(c.sales());
            case PCT_OF_STARTING -> "reached " + score(e) + "% of the starting target";
            case PCT_OF_BUDGET -> "reached " + score(e) + "% of the budget target";
        };
        if (e.fill()) {
            how += ", filling a place the main conditions left open";
        }
        String share = tied == 1 ? "" : ", shared equally by " + tied + " tied (" + pot + " in all)";
        return award.name() + " award " + places(place, tied) + ": " + who + " " + how + share + ": " + amount;
    }
}
