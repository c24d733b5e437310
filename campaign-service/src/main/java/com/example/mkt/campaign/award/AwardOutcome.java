package com.example.mkt.campaign.award;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of one award of a rule set.
 *
 * @param lines      placed subjects, best first
 * @param ineligible subjects that did not meet the main conditions (and were not filled in), with reasons
 */
public record AwardOutcome(String name, AwardRuleSet.Subject subject, List<AwardLine> lines,
                           List<Ineligibility> ineligible, BigDecimal awarded) {

    public AwardOutcome {
        lines = List.copyOf(lines);
        ineligible = List.copyOf(ineligible);
    }
}
