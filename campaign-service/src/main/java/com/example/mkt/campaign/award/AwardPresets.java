package com.example.mkt.campaign.award;

import com.example.mkt.campaign.award.AwardRuleSet.Award;
import com.example.mkt.campaign.award.AwardRuleSet.Band;
import com.example.mkt.campaign.award.AwardRuleSet.Condition;
import com.example.mkt.campaign.award.AwardRuleSet.ConditionMetric;
import com.example.mkt.campaign.award.AwardRuleSet.FillIn;
import com.example.mkt.campaign.award.AwardRuleSet.Op;
import com.example.mkt.campaign.award.AwardRuleSet.RankMetric;
import com.example.mkt.campaign.award.AwardRuleSet.Ranking;
import com.example.mkt.campaign.award.AwardRuleSet.Recipient;
import com.example.mkt.campaign.award.AwardRuleSet.RoleSplit;
import com.example.mkt.campaign.award.AwardRuleSet.Subject;
import com.example.mkt.campaign.award.AwardRuleSet.Target;
import com.example.mkt.campaign.award.AwardRuleSet.TieRule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The award example of docs/domain.md#awards as data, and the bridge from the earlier fixed-shape rules (an {@link
 * AwardPolicy}: speed bands, fill flag, role weights, individual minimum and bands) to a rule set.
 */
public final class AwardPresets {

    /** The preset name of the docs/domain.md#awards example. */
    public static final String DOMAIN_EXAMPLE = "speed-and-individual";
    public static final String SPEED = "speed";
    public static final String INDIVIDUAL = "individual";

    private AwardPresets() {
    }

    /**
     * Speed award: branches that reached their budget target, earliest first, filled with branches that reached
     * the starting target when fewer reached the budget one, split by role weight; individual award: salespeople
     * whose branch reached its starting target and whose own sales are at least the minimum, by sales.
     */
    public static AwardRuleSet of(AwardPolicy p, Map<String, List<SpeedRecipient>> recipients) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        p.speedRecipientWeights().forEach((role, w) -> weights.put(role.name().toLowerCase(Locale.ROOT), w));
        Map<String, List<Recipient>> people = new TreeMap<>();
        (recipients == null ? Map.<String, List<SpeedRecipient>>of() : recipients).forEach((branch, list) ->
                people.put(branch, list.stream().map(r -> new Recipient(r.staffId(),
                        r.role().name().toLowerCase(Locale.ROOT))).toList()));
        Award speed = new Award(SPEED, Subject.BRANCH,
                List.of(new Condition(ConditionMetric.BRANCH_REACHED, Target.BUDGET, null, null)),
                new Ranking(RankMetric.REACHED_AT, Target.BUDGET), bands(p.speedPrizes()), false,
                p.fillSpeedWithStarting() ? new FillIn(
                        List.of(new Condition(ConditionMetric.BRANCH_REACHED, Target.STARTING, null, null)),
                        new Ranking(RankMetric.REACHED_AT, Target.STARTING), AwardRule.SPEED_STARTING_TARGET_FILL)
                        : null,
                TieRule.SHARE, new RoleSplit(weights, people), AwardRule.SPEED_BUDGET_TARGET);
        Award individual = new Award(INDIVIDUAL, Subject.SALESPERSON,
                List.of(new Condition(ConditionMetric.BRANCH_REACHED, Target.STARTING, null, null),
                        new Condition(ConditionMetric.OWN_SALES, null, Op.GE, p.individualMinimumSales())),
                new Ranking(RankMetric.AMOUNT, null), bands(p.individualPrizes()), true, null, TieRule.SHARE, null,
                AwardRule.INDIVIDUAL_SALES);
        return new AwardRuleSet(p.pool(), List.of(speed, individual));
    }

    /** Every preset by name, built from the configured defaults. */
    public static Map<String, AwardRuleSet> all(AwardPolicy defaults) {
        return Map.of(DOMAIN_EXAMPLE, of(defaults, Map.of()));
    }

    /**
     * The earlier fixed-shape view of a rule set, when it has that shape (a speed award and an individual award
     * as {@link #of} builds them); empty for any other rule set.
     */
    public static Optional<AwardPolicyView> asPolicy(AwardRuleSet rules) {
        if (rules.awards().size() != 2 || rules.pool() == null) {
            return Optional.empty();
        }
        Award s = rules.awards().get(0);
        Award i = rules.awards().get(1);
        boolean speedShape = s.subject() == Subject.BRANCH
                && s.qualify().equals(List.of(new Condition(ConditionMetric.BRANCH_REACHED, Target.BUDGET, null, null)))
                && s.rankBy().equals(new Ranking(RankMetric.REACHED_AT, Target.BUDGET)) && !s.listUnplaced()
                && (s.fillIn() == null || (s.fillIn().qualify().equals(List.of(new Condition(
                ConditionMetric.BRANCH_REACHED, Target.STARTING, null, null)))
                && s.fillIn().rankBy().equals(new Ranking(RankMetric.REACHED_AT, Target.STARTING))))
                && s.split() != null && s.split().weights().keySet().stream()
                .allMatch(k -> k.equals("manager") || k.equals("staff"));
        boolean individualShape = i.subject() == Subject.SALESPERSON && i.qualify().size() == 2
                && i.qualify().get(0).equals(new Condition(ConditionMetric.BRANCH_REACHED, Target.STARTING, null,
                null))
                && i.qualify().get(1).metric() == ConditionMetric.OWN_SALES && i.qualify().get(1).op() == Op.GE
                && i.rankBy().equals(new Ranking(RankMetric.AMOUNT, null)) && i.listUnplaced() && i.fillIn() == null;
        if (!speedShape || !individualShape) {
            return Optional.empty();
        }
        return Optional.of(new AwardPolicyView(rules.pool(), s.bands(), s.fillIn() != null,
                s.split().weights().getOrDefault("manager", BigDecimal.ZERO),
                s.split().weights().getOrDefault("staff", BigDecimal.ZERO), s.split().recipients(),
                i.qualify().get(1).value(), i.bands()));
    }

    /** The fields of the earlier award-rules view. */
    public record AwardPolicyView(BigDecimal pool, List<Band> speedBands, boolean fillSpeedWithStarting,
                                  BigDecimal managerWeight, BigDecimal staffWeight,
                                  Map<String, List<Recipient>> speedRecipients, BigDecimal individualMinimumSales,
                                  List<Band> individualBands) {
    }

    private static List<Band> bands(PrizeTable table) {
        List<Band> bands = new ArrayList<>();
        for (PlacePrize b : table.bands()) {
            bands.add(new Band(b.fromPlace(), b.toPlace(), b.amount()));
        }
        return bands;
    }
}
