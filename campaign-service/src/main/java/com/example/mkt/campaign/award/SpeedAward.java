package com.example.mkt.campaign.award;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A branch's place in the speed award.
 *
 * @param place     the first place its tie occupies
 * @param tiedWith  how many branches share the tie, itself included (1 when untied)
 * @param reachedAt when it reached the target the rule ranks on
 * @param shares    the split among its recipients; empty when none were named (the amount stays with the branch)
 */
public record SpeedAward(String branch, AwardRule rule, int place, int tiedWith, Instant reachedAt,
                         BigDecimal amount, List<RecipientShare> shares, String explanation) {

    public SpeedAward {
        shares = List.copyOf(shares);
    }
}
