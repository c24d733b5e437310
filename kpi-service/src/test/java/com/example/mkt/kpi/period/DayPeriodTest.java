package com.example.mkt.kpi.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The day grain: keys, parsing at the edges, and Shanghai midnight as the boundary. */
class DayPeriodTest {

    private final PeriodCalendar calendar = PeriodCalendar.business();

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-30", "2026-01-01", "2026-12-31", "2024-02-29", "2028-12-31", "2027-01-01"})
    void keyRoundTrips(String key) {
        Period day = Period.parse(key);
        assertEquals(PeriodType.DAY, day.type());
        assertEquals(key, day.key());
        assertEquals(LocalDate.parse(key), day.startDate());
        assertEquals(1, day.lengthInDays());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29", "2026-11-31", "2026-13-01", "2026-00-10", "2026-11-00", "2026-11-3",
            "2026-1-30", "2026-11-30T00:00", "2026/11/30", "20261130", "2026-11-30 "})
    void rejectsDaysThatDoNotExist(String key) {
        assertThrows(IllegalArgumentException.class, () -> Period.parse(key));
    }

    @Test
    void numberIsTheDayOfYear() {
        assertEquals(334, Period.parse("2026-11-30").number());
        assertEquals(366, Period.parse("2024-12-31").number());
        assertThrows(IllegalArgumentException.class, () -> new Period(PeriodType.DAY, 2026, 366));
        assertThrows(IllegalArgumentException.class, () -> new Period(PeriodType.DAY, 2026, 0));
    }

    @ParameterizedTest
    @CsvSource({
            // the last instant of 30 November in Shanghai, and its first
            "2026-11-30T23:59:59+08:00, 2026-11-30",
            "2026-11-30T23:59:59.999999999+08:00, 2026-11-30",
            "2026-12-01T00:00:00+08:00, 2026-12-01",
            "2026-11-30T00:00:00+08:00, 2026-11-30",
            "2026-11-29T23:59:59+08:00, 2026-11-29",
            // the same instants in UTC: Shanghai's day starts at 16:00Z the day before
            "2026-11-30T15:59:59Z, 2026-11-30",
            "2026-11-30T16:00:00Z, 2026-12-01",
            "2026-12-31T16:00:00Z, 2027-01-01"})
    void dayBoundaryIsShanghaiMidnight(OffsetDateTime at, String day) {
        assertEquals(day, calendar.containing(at.toInstant(), PeriodType.DAY).key());
    }

    @Test
    void dayStartsAndEndsAtShanghaiMidnight() {
        Period day = Period.parse("2026-11-30");
        assertEquals(Instant.parse("2026-11-29T16:00:00Z"), calendar.start(day));
        assertEquals(Instant.parse("2026-11-30T16:00:00Z"), calendar.end(day));
        assertTrue(calendar.contains(day, Instant.parse("2026-11-30T15:59:59Z")));
        assertTrue(!calendar.contains(day, Instant.parse("2026-11-30T16:00:00Z")));
    }

    @Test
    void allContainingHasTheDayBesideTheOtherGrains() {
        var at = calendar.allContaining(Instant.parse("2025-12-31T16:00:00Z"));
        assertEquals("2026-01-01", at.get(PeriodType.DAY).key());
        assertEquals("2026-W01", at.get(PeriodType.WEEK).key());
        assertEquals("2026-01", at.get(PeriodType.MONTH).key());
    }

    @ParameterizedTest
    @CsvSource({"2026-12-01, 2026-11-30", "2027-01-01, 2026-12-31", "2024-03-01, 2024-02-29", "2026-03-01, 2026-02-28"})
    void previousAndNextCrossMonthsAndYears(String key, String previousKey) {
        assertEquals(Period.parse(previousKey), Period.parse(key).previous());
        assertEquals(Period.parse(key), Period.parse(previousKey).next());
    }

    @Test
    void aDaysParentIsItsIsoWeekAndWeeksAreNotBrokenDownToDays() {
        // Wednesday 2025-12-31 is in 2026-W01
        assertEquals(Optional.of(Period.week(2026, 1)), Period.parse("2025-12-31").parent());
        assertEquals(Optional.of(Period.week(2026, 49)), Period.parse("2026-11-30").parent());
        assertTrue(Period.week(2026, 49).children().isEmpty());
        assertTrue(Period.parse("2026-11-30").children().isEmpty());
    }

    @Test
    void aDayOrdersAfterTheCoarserPeriodsStartingOnIt() {
        List<Period> periods = new ArrayList<>(List.of(Period.parse("2026-01-01"), Period.month(2026, 1),
                Period.year(2026), Period.parse("2025-12-31"), Period.quarter(2026, 1)));
        periods.sort(null);
        assertEquals(List.of(Period.parse("2025-12-31"), Period.year(2026), Period.quarter(2026, 1),
                Period.month(2026, 1), Period.parse("2026-01-01")), periods);
    }
}
