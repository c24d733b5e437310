package com.example.mkt.campaign.award;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One subject's place in one award.
 *
 * @param salesperson null for a branch award
 * @param place       the first place the subject's tie occupies
 * @param tiedWith    how many share the tie, the subject included (1 when untied)
 * @param score       what was ranked on: the amount, the percentage, or null for a time
 * @param reachedAt   for awards ranked on time: when the target was reached
 * @param sales       the subject's attributed sales
 * @param shares      the role split; empty when none applies (the subject keeps it whole)
 */
public record AwardLine(String award, AwardRuleSet.Subject subject, String branch, String salesperson,
                        AwardRule rule, int place, int tiedWith, BigDecimal score, Instant reachedAt,
                        BigDecimal sales, BigDecimal amount, List<RecipientShare> shares, String explanation) {

    public AwardLine {
        shares = List.copyOf(shares);
    }
}
