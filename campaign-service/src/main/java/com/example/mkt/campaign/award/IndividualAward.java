package com.example.mkt.campaign.award;

import java.math.BigDecimal;

/**
 * A qualified salesperson's place in the individual ranking; places beyond the prized ones are listed with 0.
 *
 * @param place    the first place their tie occupies
 * @param tiedWith how many share the tie, themselves included
 */
public record IndividualAward(String salesperson, String branch, BigDecimal sales, int place, int tiedWith,
                              BigDecimal amount, String explanation) {

    public AwardRule rule() {
        return AwardRule.INDIVIDUAL_SALES;
    }
}
