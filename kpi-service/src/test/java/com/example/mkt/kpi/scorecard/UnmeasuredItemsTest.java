package com.example.mkt.kpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Items with nothing to measure (no complaints, no follow-ups owed, no surveys) say so and count as configured:
 * left out with the rest re-weighted (the default), full marks, or zero.
 */
class UnmeasuredItemsTest {

    private static final List<ScoreItem> RATES = List.of(ScoreItem.COMPLAINT_RESOLUTION,
            ScoreItem.FOLLOW_UP_COMPLETION, ScoreItem.SATISFACTION);

    private static ScorecardCalculator calculator(UnmeasuredTreatment treatment) {
        return new ScorecardCalculator(ScorecardPolicy.defaults()).withUnmeasured(treatment);
    }

    /** Absent all month (nothing owed), no complaints, no surveys; one failed spot check (−2). */
    private static ScorecardInput absentMonth(List<Commendation> commendations) {
        return new ScorecardInput(1, 0, 0, 0, Fraction.of(BigDecimal.ZERO), 0, 0, 0, 0, List.of(), commendations,
                List.of());
    }

    private static void assertPoints(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
    }

    @Test
    void theDefaultLeavesUnmeasuredItemsOutAndReweightsTheRest() {
        assertEquals(UnmeasuredTreatment.EXCLUDED_REWEIGHTED, ScorecardPolicy.defaults().unmeasured());
        Scorecard card = new ScorecardCalculator(ScorecardPolicy.defaults()).compute(absentMonth(List.of()));
        for (ScoreItem item : RATES) {
            ItemScore score = card.items().get(item);
            assertFalse(score.measured(), item.name());
            assertEquals(UnmeasuredTreatment.EXCLUDED_REWEIGHTED, score.treatment(), item.name());
            assertNull(score.score(), item.name());
            assertPoints("0", score.deductions());
        }
        ItemScore calls = card.items().get(ScoreItem.CALL_QUALITY);
        assertTrue(calls.measured());
        assertNull(calls.treatment());
        // 28 + 10 + 10 + 10 = 58 of the 60 points measured, on the 100-point scale 96.666... shown 96.67
        assertPoints("60", card.countedWeight());
        assertPoints("96.67", card.total());
    }

    @ParameterizedTest(name = "{0}: total {1} of counted weight {2}")
    @CsvSource({
        "EXCLUDED_REWEIGHTED, 96.67, 60",
        "FULL_MARKS, 98, 100",
        "ZERO, 58, 100"
    })
    void eachTreatment(UnmeasuredTreatment treatment, String total, String countedWeight) {
        Scorecard card = calculator(treatment).compute(absentMonth(List.of()));
        assertPoints(total, card.total());
        assertPoints(countedWeight, card.countedWeight());
        for (ScoreItem item : RATES) {
            assertFalse(card.items().get(item).measured(), item.name());
            assertEquals(treatment, card.items().get(item).treatment(), item.name());
        }
        if (treatment == UnmeasuredTreatment.ZERO) {
            assertPoints("0", card.score(ScoreItem.SATISFACTION));
            assertPoints("10", card.items().get(ScoreItem.SATISFACTION).deductions());
        }
        if (treatment == UnmeasuredTreatment.FULL_MARKS) {
            assertPoints("20", card.score(ScoreItem.COMPLAINT_RESOLUTION));
        }
    }

    @Test
    void bonusesComeAfterTheReweighting() {
        Scorecard card = calculator(UnmeasuredTreatment.EXCLUDED_REWEIGHTED)
                .compute(absentMonth(List.of(Commendation.CUSTOMER_LETTER)));
        assertPoints("97.67", card.total());
    }

    @Test
    void oneItemLeftOutScalesTheOthersToTheFullScale() {
        // 190 of 200 follow-ups (−1), 10 of 10 complaints, no surveys: 89 of the 90 points measured = 98.888... of 100
        ScorecardInput in = new ScorecardInput(0, 10, 10, 190, Fraction.of(new BigDecimal("200")), 0, 0, 0, 0,
                List.of(), List.of(), List.of());
        Scorecard card = calculator(UnmeasuredTreatment.EXCLUDED_REWEIGHTED).compute(in);
        assertFalse(card.items().get(ScoreItem.SATISFACTION).measured());
        assertTrue(card.items().get(ScoreItem.FOLLOW_UP_COMPLETION).measured());
        assertTrue(card.items().get(ScoreItem.COMPLAINT_RESOLUTION).measured());
        assertPoints("90", card.countedWeight());
        assertPoints("98.89", card.total());
        // a full month measured everywhere is never scaled
        ScorecardInput measured = new ScorecardInput(0, 10, 10, 190, Fraction.of(new BigDecimal("200")), 0, 10, 10,
                0, List.of(), List.of(), List.of());
        assertPoints("99", calculator(UnmeasuredTreatment.EXCLUDED_REWEIGHTED).compute(measured).total());
    }
}
