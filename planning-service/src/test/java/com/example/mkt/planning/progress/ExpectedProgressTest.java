package com.example.mkt.planning.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectedProgressTest {

    @ParameterizedTest(name = "{0}..{1} on {2} -> {3}")
    @CsvSource({
            "2026-01-01, 2026-12-31, 2025-12-31, 0.00",
            "2026-01-01, 2026-12-31, 2026-01-01, 0.27",
            "2026-01-01, 2026-12-31, 2026-07-01, 49.86",
            "2026-01-01, 2026-12-31, 2026-12-31, 100.00",
            "2026-01-01, 2026-12-31, 2027-03-01, 100.00",
            // A leap year has 366 days: 29 February is day 60.
            "2028-01-01, 2028-12-31, 2028-02-29, 16.39",
            "2028-02-01, 2028-02-29, 2028-02-29, 100.00",
            // Month ends: 28 February is day 59 of 2026, 31 March day 90; a monthly goal is done on its last day.
            "2026-01-01, 2026-12-31, 2026-02-28, 16.16",
            "2026-01-01, 2026-12-31, 2026-03-31, 24.66",
            "2026-02-01, 2026-02-28, 2026-02-28, 100.00",
            "2026-02-01, 2026-02-28, 2026-02-14, 50.00",
            "2028-02-01, 2028-02-29, 2028-02-28, 96.55",
            // Year end into the next year.
            "2026-12-01, 2027-01-31, 2026-12-31, 50.00"})
    void linearSchedule(LocalDate start, LocalDate due, LocalDate day, BigDecimal expected) {
        assertEquals(expected, GoalProgressService.expectedPercent(start, due, day));
    }

    @ParameterizedTest(name = "completion {0} vs expected {1}, margin {2}: at risk {3}")
    @CsvSource({
            "0, 10.00, 10.00, false",
            "0, 10.01, 10.00, true",
            "16.67, 24.66, 10.00, false",
            "16.67, 33.15, 10.00, true",
            "100.00, 100.00, 0.00, false",
            "99.99, 100.00, 0.00, true"})
    void atRiskOnlyBeyondTheMargin(BigDecimal completion, BigDecimal expected, BigDecimal margin, boolean atRisk) {
        assertEquals(atRisk, GoalProgressService.isBehind(completion, expected, margin));
    }
}
