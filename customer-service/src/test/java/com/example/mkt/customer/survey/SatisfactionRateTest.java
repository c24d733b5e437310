package com.example.mkt.customer.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The rate itself; which answer counts as satisfied is {@link SurveyScoring}'s (SurveyScoringTest). */
class SatisfactionRateTest {

    @Test
    void twoOfThreeSatisfied() {
        SatisfactionRate r = new SatisfactionRate(2, 3);
        assertEquals(0, r.percent().orElseThrow().compareTo(new BigDecimal("66.67")));
    }

    @Test
    void zeroAnswersIsUndefinedNotZero() {
        SatisfactionRate r = new SatisfactionRate(0, 0);
        assertEquals(0, r.answers());
        assertTrue(r.percent().isEmpty());
    }

    @Test
    void allSatisfiedIsExactlyHundred() {
        SatisfactionRate r = new SatisfactionRate(2, 2);
        assertEquals(0, r.percent().orElseThrow().compareTo(new BigDecimal("100.00")));
        assertTrue(r.ratio().isAtLeastPercent(new BigDecimal("100")));
    }

    @Test
    void ratesAddUpAcrossUnits() {
        assertEquals(new SatisfactionRate(3, 5), new SatisfactionRate(2, 3).plus(new SatisfactionRate(1, 2)));
    }
}
