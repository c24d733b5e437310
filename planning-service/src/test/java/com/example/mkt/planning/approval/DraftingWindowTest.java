package com.example.mkt.planning.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.mkt.planning.plan.PlanKind;
import com.example.mkt.planning.plan.PlanPeriod;
import com.example.mkt.planning.validation.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DraftingWindowTest {

    private static final PlanPeriod YEAR_2027 = new PlanPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
    private final DraftingWindow window = new DraftingWindow(ApprovalPolicy.defaults());

    @Test
    void annualDraftingOpensOnFirstOfOctober() {
        assertEquals(LocalDate.of(2026, 10, 1), window.opensOn(PlanKind.ANNUAL, YEAR_2027));
    }

    @ParameterizedTest(name = "{0} open: {1}")
    @CsvSource({
            "2026-09-30T15:59:59Z, false", // 30 Sep 23:59:59 Shanghai
            "2026-09-30T16:00:00Z, true", // 1 Oct 00:00 Shanghai
            "2027-12-31T15:59:59Z, true", // last second of the plan year
            "2027-12-31T16:00:00Z, false"})
    void annualWindowEdgesInShanghai(Instant now, boolean open) {
        assertEquals(open, window.isOpen(PlanKind.ANNUAL, YEAR_2027, now));
    }

    @Test
    void errorsNameThePeriod() {
        assertEquals(List.of(new FieldError("period", "drafting of this ANNUAL plan opens on 2026-10-01")),
                window.check(PlanKind.ANNUAL, YEAR_2027, Instant.parse("2026-09-01T00:00:00Z")));
        assertEquals(List.of(new FieldError("period", "the plan period ended on 2027-12-31")),
                window.check(PlanKind.ANNUAL, YEAR_2027, Instant.parse("2028-01-01T00:00:00Z")));
    }

    @Test
    void weeklyPlanWindowOpensAWeekAhead() {
        PlanPeriod week = new PlanPeriod(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 17));
        assertEquals(LocalDate.of(2026, 5, 4), window.opensOn(PlanKind.WEEKLY, week));
        assertFalse(window.isOpen(PlanKind.WEEKLY, week, Instant.parse("2026-05-03T15:59:59Z")));
        assertTrue(window.isOpen(PlanKind.WEEKLY, week, Instant.parse("2026-05-03T16:00:00Z")));
    }
}
