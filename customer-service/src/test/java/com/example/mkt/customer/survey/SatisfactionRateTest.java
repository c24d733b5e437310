package com.example.mkt.customer.survey;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SatisfactionRateTest {

    private final SatisfactionPolicy policy = SatisfactionPolicy.defaults();
    private final SurveyTemplate template = new SurveyTemplate("t-vip", "VIP", "VIP客户满意度调查",
            List.of(new Question("q1", "服务态度"), new Question("q2", "响应速度"), new Question("q3", "产品质量")));

    @Test
    void scoreFourAndAboveIsSatisfied() {
        SatisfactionRate r = SatisfactionRate.of(List.of(Answer.of("q1", 3), Answer.of("q2", 4), Answer.of("q3", 5)), policy);
        assertEquals(new SatisfactionRate(2, 3), r);
        assertEquals(0, r.percent().orElseThrow().compareTo(new BigDecimal("66.67")));
    }

    @Test
    void zeroAnswersIsUndefinedNotZero() {
        SatisfactionRate r = SatisfactionRate.of(List.of(), policy);
        assertEquals(0, r.answers());
        assertTrue(r.percent().isEmpty());
        assertTrue(SatisfactionRate.ofResponses(List.of(), policy).percent().isEmpty());
    }

    @Test
    void allSatisfiedIsExactlyHundred() {
        SatisfactionRate r = SatisfactionRate.of(List.of(Answer.of("q1", 4), Answer.of("q2", 5)), policy);
        assertEquals(0, r.percent().orElseThrow().compareTo(new BigDecimal("100.00")));
        assertTrue(r.ratio().isAtLeastPercent(new BigDecimal("100")));
    }

    @Test
    void strictPolicyCountsOnlyFives() {
        SatisfactionRate r = SatisfactionRate.of(List.of(Answer.of("q1", 4), Answer.of("q2", 5)), new SatisfactionPolicy(5));
        assertEquals(1, r.satisfied());
    }

    @Test
    void ratesAddUpAcrossResponses() {
        SurveyResponse a = SurveyResponse.of("r1", template, "c-1", Instant.EPOCH,
                List.of(new Answer("q1", 5, Optional.of("非常满意，客服很耐心")), Answer.of("q2", 2)), Optional.empty());
        SurveyResponse b = SurveyResponse.of("r2", template, "c-2", Instant.EPOCH, List.of(Answer.of("q3", 4)), Optional.of("好"));
        assertEquals(new SatisfactionRate(2, 3), SatisfactionRate.ofResponses(List.of(a, b), policy));
        assertEquals(new SatisfactionRate(3, 5), new SatisfactionRate(2, 3).plus(new SatisfactionRate(1, 2)));
        assertEquals(Optional.of("非常满意，客服很耐心"), a.answers().get(0).comment());
    }

    @Test
    void scoresOutsideOneToFiveAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Answer.of("q1", 0));
        assertThrows(IllegalArgumentException.class, () -> Answer.of("q1", 6));
        assertThrows(IllegalArgumentException.class, () -> new SatisfactionPolicy(0));
    }

    @Test
    void answersMustMatchTheTemplate() {
        assertThrows(IllegalArgumentException.class, () -> SurveyResponse.of("r", template, "c", Instant.EPOCH,
                List.of(Answer.of("q9", 5)), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> SurveyResponse.of("r", template, "c", Instant.EPOCH,
                List.of(Answer.of("q1", 5), Answer.of("q1", 4)), Optional.empty()));
    }

    @Test
    void templatesNeedUniqueQuestions() {
        assertThrows(IllegalArgumentException.class, () -> new SurveyTemplate("t", "s", "x", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SurveyTemplate("t", "s", "x",
                List.of(new Question("q", "a"), new Question("q", "b"))));
    }

    @Test
    void catalogPicksFirstMatchingSegmentThenFallback() {
        SurveyTemplate general = new SurveyTemplate("t-gen", "ALL", "通用", List.of(new Question("q1", "总体")));
        SurveyTemplate complaint = new SurveyTemplate("t-cmp", "COMPLAINANTS", "投诉回访", List.of(new Question("q1", "处理结果")));
        SurveyCatalog catalog = new SurveyCatalog(List.of(template, complaint), general);
        assertEquals(template, catalog.templateFor(List.of("COMPLAINANTS", "VIP")));
        assertEquals(complaint, catalog.templateFor(List.of("COMPLAINANTS")));
        assertEquals(general, catalog.templateFor(List.of()));
    }
}
