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
            "2028-02-01, 2028-02-29, 2028-02-29, 100.00"})
    void linearSchedule(LocalDate start, LocalDate due, LocalDate day, BigDecimal expected) {
        assertEquals(expected, GoalProgressService.expectedPercent(start, due, day));
    }
}
