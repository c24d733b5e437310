package com.example.mkt.customer.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SurveyScoringTest {

    private final SurveyScoring scoring = SurveyScoring.defaults();
    private final List<Question> questions = List.of(new Question("q1", "服务态度"), new Question("q2", "响应速度"),
            new Question("q3", "处理结果"));

    private static List<BigDecimal> scores(String... s) {
        return Arrays.stream(s).map(x -> x == null ? null : new BigDecimal(x)).toList();
    }

    @Test
    void scoreIsTheMeanWithTwoDecimalsHalfUp() {
        assertEquals(new BigDecimal("4.33"), scoring.score(List.of(4, 4, 5)));
        assertEquals(new BigDecimal("4.67"), scoring.score(List.of(4, 5, 5)));
        assertEquals(new BigDecimal("3.50"), scoring.score(List.of(3, 4)));
        assertEquals(new BigDecimal("5.00"), scoring.score(List.of(5)));
        // 1/6 = 0.1666..: 3 + 1/6 rounds up to 3.17; 1/8 = 0.125 half-up to 0.13
        assertEquals(new BigDecimal("3.17"), scoring.score(List.of(3, 3, 3, 3, 3, 4)));
        assertEquals(new BigDecimal("1.13"), scoring.score(List.of(1, 1, 1, 1, 1, 1, 1, 2)));
    }

    @Test
    void satisfiedFromFourExactly() {
        assertTrue(scoring.satisfied(new BigDecimal("4.00")));
        assertTrue(scoring.satisfied(new BigDecimal("4")));
        assertFalse(scoring.satisfied(new BigDecimal("3.99")));
        // 4, 4, 3, 5 -> 4.00: satisfied; 4, 4, 3 -> 3.67: not
        assertTrue(scoring.satisfied(scoring.score(List.of(4, 4, 3, 5))));
        assertFalse(scoring.satisfied(scoring.score(List.of(4, 4, 3))));
        SurveyScoring strict = new SurveyScoring(new BigDecimal("4.5"));
        assertFalse(strict.satisfied(new BigDecimal("4.49")));
        assertTrue(strict.satisfied(new BigDecimal("4.50")));
    }

    @Test
    void thresholdAndScoresStayOnTheScale() {
        assertThrows(IllegalArgumentException.class, () -> new SurveyScoring(new BigDecimal("0.99")));
        assertThrows(IllegalArgumentException.class, () -> new SurveyScoring(new BigDecimal("5.01")));
        assertThrows(IllegalArgumentException.class, () -> scoring.score(List.of()));
        assertThrows(IllegalArgumentException.class, () -> scoring.score(List.of(4, 6)));
    }

    @Test
    void aCompleteAnswerPasses() {
        assertTrue(scoring.check(questions, List.of("q2", "q1", "q3"), scores("1", "5", "3")).isEmpty());
        assertTrue(scoring.check(questions, List.of("q1", "q2", "q3"), scores("5.0", "4", "1")).isEmpty());
    }

    @Test
    void scoresOutsideOneToFiveOrFractionalNameTheirField() {
        List<SurveyScoring.Violation> v = scoring.check(questions, List.of("q1", "q2", "q3"), scores("4", "0", "6"));
        assertEquals(List.of("scores[1].score", "scores[2].score"), v.stream().map(SurveyScoring.Violation::field).toList());
        assertEquals("scores[0].score",
                scoring.check(questions, List.of("q1", "q2", "q3"), scores("4.5", "4", "4")).get(0).field());
        assertEquals("scores[2].score",
                scoring.check(questions, List.of("q1", "q2", "q3"), scores("4", "4", null)).get(0).field());
    }

    @Test
    void everyQuestionOnceAndOnlyTheTemplates() {
        List<SurveyScoring.Violation> missing = scoring.check(questions, List.of("q1", "q2"), scores("4", "4"));
        assertEquals(1, missing.size());
        assertEquals("scores", missing.get(0).field());
        assertTrue(missing.get(0).message().contains("q3"));
        List<SurveyScoring.Violation> twice = scoring.check(questions, List.of("q1", "q1", "q2", "q3"),
                scores("4", "4", "4", "4"));
        assertEquals(List.of("scores[1].questionId"), twice.stream().map(SurveyScoring.Violation::field).toList());
        List<SurveyScoring.Violation> unknown = scoring.check(questions, List.of("q1", "q9", "q2", "q3"),
                scores("4", "4", "4", "4"));
        assertEquals(List.of("scores[1].questionId"), unknown.stream().map(SurveyScoring.Violation::field).toList());
        assertEquals("scores[0].questionId",
                scoring.check(questions, Arrays.asList(null, "q2", "q3", "q1"), scores("4", "4", "4", "4")).get(0).field());
    }

    @Test
    void rateCountsAnswersNotAveragesOfRates() {
        // unit X: 1 of 1 satisfied (100%), unit Y: 1 of 3 (33.33%): the subtree is 2 of 4 = 50%, not 66.67%
        SatisfactionRate subtree = new SatisfactionRate(1, 1).plus(new SatisfactionRate(1, 3));
        assertEquals(0, subtree.percent().orElseThrow().compareTo(new BigDecimal("50.00")));
    }
}
