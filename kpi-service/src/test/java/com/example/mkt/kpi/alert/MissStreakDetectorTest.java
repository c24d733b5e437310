package com.example.mkt.kpi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.mkt.kpi.alert.AlertTransition.Kind;
import com.example.mkt.kpi.definition.KpiCatalogue;
import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.rollup.Achievement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissStreakDetectorTest {

    private final MissStreakDetector detector = new MissStreakDetector(MissStreakPolicy.defaults());

    /** Results for consecutive months starting at {@code first}: 'x' missed, 'o' met, '_' no result. */
    private static List<PeriodResult> months(Period first, String pattern) {
        List<PeriodResult> results = new ArrayList<>();
        Period p = first;
        for (char c : pattern.toCharArray()) {
            if (c != '_') {
                results.add(new PeriodResult(p, c == 'o'));
            }
            p = p.next();
        }
        return results;
    }

    private static final Period NOV_2025 = Period.month(2025, 11);

    @Test
    void twoMissesRaiseNothing() {
        assertTrue(detector.replay(months(NOV_2025, "xx")).transitions().isEmpty());
        assertTrue(detector.replay(months(NOV_2025, "oxxoxx")).transitions().isEmpty());
    }

    @Test
    void thirdMissInARowOpensAcrossTheYearEnd() {
        MissStreakDetector.Replay replay = detector.replay(months(NOV_2025, "xxx"));
        assertEquals(List.of(new AlertTransition(Kind.OPENED, Period.month(2026, 1), NOV_2025, 3)), replay.transitions());
        assertTrue(replay.state().open());
    }

    @Test
    void opensOncePerStreakAndClosesWhenTargetIsMet() {
        MissStreakDetector.Replay replay = detector.replay(months(NOV_2025, "xxxxxoxxx"));
        assertEquals(List.of(
                new AlertTransition(Kind.OPENED, Period.month(2026, 1), NOV_2025, 3),
                new AlertTransition(Kind.CLOSED, Period.month(2026, 4), NOV_2025, 0),
                new AlertTransition(Kind.OPENED, Period.month(2026, 7), Period.month(2026, 5), 3)), replay.transitions());
    }

    @Test
    void aPeriodWithoutResultRestartsTheCount() {
        assertTrue(detector.replay(months(NOV_2025, "xx_xx")).transitions().isEmpty());
        assertEquals(1, detector.replay(months(NOV_2025, "xx_xxx")).transitions().size());
    }

    @Test
    void aGapDoesNotCloseAnOpenAlert() {
        MissStreakDetector.Replay replay = detector.replay(months(NOV_2025, "xxx_xxxx"));
        assertEquals(1, replay.transitions().size());
        assertTrue(replay.state().open());
        assertEquals(NOV_2025, replay.state().streakStart());
        List<AlertTransition> closed = detector.replay(months(NOV_2025, "xxx_o")).transitions();
        assertEquals(Kind.CLOSED, closed.get(1).kind());
    }

    @Test
    void worksOnWeeksAcrossTheIsoYearEnd() {
        List<AlertTransition> t = detector.replay(months(Period.week(2026, 52), "xxx")).transitions();
        assertEquals(List.of(new AlertTransition(Kind.OPENED, Period.week(2027, 1), Period.week(2026, 52), 3)), t);
    }

    @Test
    void replayAcceptsAnyOrder() {
        List<PeriodResult> results = new ArrayList<>(months(NOV_2025, "xxxo"));
        java.util.Collections.reverse(results);
        assertEquals(2, detector.replay(results).transitions().size());
    }

    @Test
    void stepByStepMatchesReplay() {
        List<PeriodResult> results = months(NOV_2025, "xxxxoxxxo");
        MissStreak state = MissStreak.initial();
        List<AlertTransition> transitions = new ArrayList<>();
        for (PeriodResult r : results) {
            MissStreakDetector.Step step = detector.next(state, r);
            step.transition().ifPresent(transitions::add);
            state = step.state();
        }
        MissStreakDetector.Replay replay = detector.replay(results);
        assertEquals(replay.transitions(), transitions);
        assertEquals(replay.state(), state);
        assertFalse(state.open());
    }

    @Test
    void rejectsRepeatsOutOfOrderAndMixedGrains() {
        MissStreak after = detector.next(MissStreak.initial(), new PeriodResult(Period.month(2026, 2), false)).state();
        assertThrows(IllegalArgumentException.class,
                () -> detector.next(after, new PeriodResult(Period.month(2026, 2), true)));
        assertThrows(IllegalArgumentException.class,
                () -> detector.next(after, new PeriodResult(Period.month(2026, 1), true)));
        assertThrows(IllegalArgumentException.class,
                () -> detector.next(after, new PeriodResult(Period.week(2026, 10), true)));
    }

    @Test
    void thresholdIsConfigurable() {
        MissStreakDetector one = new MissStreakDetector(new MissStreakPolicy(1));
        assertEquals(Kind.OPENED, one.replay(months(NOV_2025, "x")).transitions().get(0).kind());
        MissStreakDetector four = new MissStreakDetector(new MissStreakPolicy(4));
        assertTrue(four.replay(months(NOV_2025, "xxx")).transitions().isEmpty());
        assertEquals(1, four.replay(months(NOV_2025, "xxxx")).transitions().size());
        assertThrows(IllegalArgumentException.class, () -> new MissStreakPolicy(0));
    }

    @Test
    void resultFromAchievement() {
        Achievement exactly = Achievement.of(KpiCatalogue.standard().require(KpiCatalogue.SALES_AMOUNT),
                new BigDecimal("100.00"), new BigDecimal("100.00"));
        assertTrue(PeriodResult.of(NOV_2025, exactly).met());
    }
}
