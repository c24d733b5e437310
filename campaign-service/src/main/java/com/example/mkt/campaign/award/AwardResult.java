package com.example.mkt.campaign.award;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a rule set awards.
 *
 * @param awards     one outcome per award of the rule set, in its order
 * @param pool       the cap (the stated pool, or what the bands can pay)
 * @param awarded    the sum paid out
 * @param unawarded  what stays in the pool (places nobody qualified for)
 */
public record AwardResult(List<AwardOutcome> awards, BigDecimal pool, BigDecimal awarded, BigDecimal unawarded) {

    public AwardResult {
        awards = List.copyOf(awards);
    }

    /** Every branch award line (the speed award of the example in docs/domain.md#awards), award by award. */
    public List<SpeedAward> speed() {
        return awards.stream().filter(a -> a.subject() == AwardRuleSet.Subject.BRANCH)
                .flatMap(a -> a.lines().stream())
                .map(l -> new SpeedAward(l.branch(), l.rule(), l.place(), l.tiedWith(), l.reachedAt(), l.amount(),
                        l.shares(), l.explanation()))
                .toList();
    }

    /** Every salesperson award line (the individual award of the example in docs/domain.md#awards), award by award. */
    public List<IndividualAward> individual() {
        return awards.stream().filter(a -> a.subject() == AwardRuleSet.Subject.SALESPERSON)
                .flatMap(a -> a.lines().stream())
                .map(l -> new IndividualAward(l.salesperson(), l.branch(), l.sales(), l.place(), l.tiedWith(),
                        l.amount(), l.explanation()))
                .toList();
    }

    /** Salespeople left out of a salesperson award, with reasons. */
    public List<Ineligibility> ineligible() {
        return awards.stream().filter(a -> a.subject() == AwardRuleSet.Subject.SALESPERSON)
                .flatMap(a -> a.ineligible().stream()).toList();
    }
}
