package com.example.mkt.planning.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoalProgressTrackerTest {

    private static final Instant T = Instant.parse("2026-05-08T10:00:00Z");
    private final GoalProgressTracker tracker = new GoalProgressTracker(PlanPolicy.defaults());
    private final Goal goal = PlanFixtures.salesGoal();

    private KpiObservation sales(String value, Instant asOf) {
        return new KpiObservation("sales_amount", "B-NANCHANG", "2026", new BigDecimal(value), asOf);
    }

    @ParameterizedTest(name = "{0} of {1} -> {2} % / {3} %")
    @CsvSource({
            "9000000.00, 18000000.00, 50.00, 50.00",
            "18000000.00, 18000000.00, 100.00, 100.00",
            "22500000.00, 18000000.00, 125.00, 100.00", // achievement is not capped, completion is
            "0, 18000000.00, 0.00, 0.00",
            "-1000.00, 18000000.00, -0.01, 0.00", // refunds above sales: completion floors at 0
            "1, 3, 33.33, 33.33",
            "2, 3, 66.66, 66.66", // rounded down
            "89999.99, 90000.00, 99.99, 99.99", // one cent short never shows 100.00
            "90000.00, 90000.00, 100.00, 100.00",
            "179999.99, 180000.00, 99.99, 99.99",
            "1, 200, 0.50, 0.50"})
    void percentages(BigDecimal actual, BigDecimal target, BigDecimal achievement, BigDecimal completion) {
        GoalProgress p = tracker.progress(target, actual, T);
        assertEquals(achievement, p.achievementPercent());
        assertEquals(completion, p.completionPercent());
        assertEquals(achievement.compareTo(new BigDecimal("100")) >= 0, p.isReached());
    }

    @Test
    void exactlyAtTargetIsReachedOneCentShortIsNot() {
        assertTrue(tracker.progress(new BigDecimal("100.00"), new BigDecimal("100.00"), T).isReached());
        // 99.99 of 100.00 rounds to 99.99 %, not 100 %
        assertFalse(tracker.progress(new BigDecimal("100.00"), new BigDecimal("99.99"), T).isReached());
    }

    @Test
    void matchingObservationUpdates() {
        GoalProgress p = tracker.update(goal, "B-NANCHANG", null, sales("4500000.00", T)).orElseThrow();
        assertEquals(new BigDecimal("25.00"), p.achievementPercent());
        assertEquals(T, p.asOf());
    }

    @Test
    void olderOrSameInstantObservationsAreIgnored() {
        GoalProgress current = tracker.progress(goal.target().value(), new BigDecimal("9000000.00"), T);
        assertTrue(tracker.update(goal, "B-NANCHANG", current, sales("1.00", T)).isEmpty());
        assertTrue(tracker.update(goal, "B-NANCHANG", current, sales("1.00", T.minusSeconds(1))).isEmpty());
        assertEquals(new BigDecimal("1.00"), tracker.update(goal, "B-NANCHANG", current,
                sales("1.00", T.plusSeconds(1))).orElseThrow().actual());
    }

    @Test
    void observationsForOtherKpisUnitsOrPeriodsAreIgnored() {
        assertTrue(tracker.update(goal, "B-NANCHANG", null,
                new KpiObservation("new_customers", "B-NANCHANG", "2026", BigDecimal.ONE, T)).isEmpty());
        assertTrue(tracker.update(goal, "B-NANCHANG", null,
                new KpiObservation("sales_amount", "B-HANGZHOU", "2026", BigDecimal.ONE, T)).isEmpty());
        assertTrue(tracker.update(goal, "B-NANCHANG", null,
                new KpiObservation("sales_amount", "B-NANCHANG", "2026-05", BigDecimal.ONE, T)).isEmpty());
    }

    @Test
    void unlinkedOrTargetlessGoalsNeverUpdate() {
        assertTrue(tracker.update(PlanFixtures.newCustomersGoal(), "B-NANCHANG", null, sales("1", T)).isEmpty());
        Goal noTarget = new Goal("g", "目标", GoalTerm.SHORT, null, null, new KpiLink("sales_amount", "2026"));
        assertTrue(tracker.update(noTarget, "B-NANCHANG", null, sales("1", T)).isEmpty());
        Goal zeroTarget = new Goal("g", "目标", GoalTerm.SHORT,
                new GoalTarget("销售额", BigDecimal.ZERO, "CNY", LocalDate.of(2026, 12, 31)), null,
                new KpiLink("sales_amount", "2026"));
        assertTrue(tracker.update(zeroTarget, "B-NANCHANG", null, sales("1", T)).isEmpty());
    }
}
