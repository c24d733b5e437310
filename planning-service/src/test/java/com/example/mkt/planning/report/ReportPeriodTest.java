package com.example.mkt.planning.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportPeriodTest {

    @ParameterizedTest
    @CsvSource({
            "2026-05-04, 2026-05-04, 2026-W19", // Monday
            "2026-05-10, 2026-05-04, 2026-W19", // Sunday belongs to the week that started Monday
            "2026-05-11, 2026-05-11, 2026-W20",
            "2025-12-29, 2025-12-29, 2026-W01", // ISO week-based year differs from the calendar year
            "2026-01-01, 2025-12-29, 2026-W01",
            "2027-01-01, 2026-12-28, 2026-W53", // 2026 has 53 ISO weeks
            "2027-01-04, 2027-01-04, 2027-W01"})
    void weekContaining(LocalDate date, LocalDate monday, String label) {
        ReportPeriod week = ReportPeriod.weekContaining(date);
        assertEquals(monday, week.start());
        assertEquals(monday.plusDays(6), week.end());
        assertEquals(label, week.label());
        assertEquals(week, ReportPeriod.parse(ReportKind.WEEKLY, label));
    }

    @ParameterizedTest
    @CsvSource({"2024-02, 2024-02-29", "2026-02, 2026-02-28", "2100-02, 2100-02-28", "2000-02, 2000-02-29",
            "2026-12, 2026-12-31", "2026-04, 2026-04-30"})
    void monthEnds(String label, LocalDate lastDay) {
        ReportPeriod month = ReportPeriod.parse(ReportKind.MONTHLY, label);
        assertEquals(lastDay, month.end());
        assertEquals(label, month.label());
        assertEquals(month, ReportPeriod.monthContaining(lastDay));
    }

    @Test
    void isoWeekRange() {
        assertEquals(LocalDate.of(2026, 12, 28), ReportPeriod.isoWeek(2026, 53).start());
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.isoWeek(2025, 53));
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.isoWeek(2026, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-W53", "2026-W00", "2026-W5", "2026W19", "2026-13", "2026-00", "", "2026-05-01"})
    void parseRejects(String label) {
        ReportKind kind = label.contains("W") ? ReportKind.WEEKLY : ReportKind.MONTHLY;
        assertThrows(DateTimeParseException.class, () -> ReportPeriod.parse(kind, label));
    }

    @Test
    void misalignedPeriodsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReportPeriod(ReportKind.WEEKLY, LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 11)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReportPeriod(ReportKind.MONTHLY, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 27)));
    }

    @Test
    void nextAndPreviousCrossYearEdges() {
        assertEquals("2027-W01", ReportPeriod.isoWeek(2026, 53).next().label());
        assertEquals("2026-W53", ReportPeriod.isoWeek(2027, 1).previous().label());
        assertEquals("2027-01", ReportPeriod.month(YearMonth.of(2026, 12)).next().label());
        assertEquals("2024-02", ReportPeriod.month(YearMonth.of(2024, 3)).previous().label());
    }

    @Test
    void containsIsInclusive() {
        ReportPeriod week = ReportPeriod.isoWeek(2026, 19);
        assertTrue(week.contains(LocalDate.of(2026, 5, 4)));
        assertTrue(week.contains(LocalDate.of(2026, 5, 10)));
        assertFalse(week.contains(LocalDate.of(2026, 5, 3)));
        assertFalse(week.contains(LocalDate.of(2026, 5, 11)));
    }
}
