package com.example.mkt.kpi.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026", "2026-Q1", "2026-Q4", "2026-01", "2026-12", "2026-W01", "2026-W19", "2026-W53",
            "2020-W53", "2025-W52"})
    void keyRoundTrips(String key) {
        assertEquals(key, Period.parse(key).key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "26", "2026-", "2026-Q0", "2026-Q5", "2026-00", "2026-13", "2026-5", "2026-W1",
            "2026-W00", "2026-W54", "2025-W53", "0999", "2026-w01", "2026-q1", " 2026", "2026-M05"})
    void rejectsMalformedOrOutOfRangeKeys(String key) {
        assertThrows(IllegalArgumentException.class, () -> Period.parse(key));
    }

    @ParameterizedTest
    @CsvSource({"2026,53", "2025,52", "2020,53", "2015,53", "2021,52", "2032,53"})
    void weeksInWeekBasedYear(int year, int weeks) {
        assertEquals(weeks, Period.weeksInWeekBasedYear(year));
    }

    @Test
    void isoWeekOneOf2026StartsOnMonday29December2025() {
        Period w1 = Period.week(2026, 1);
        assertEquals(LocalDate.of(2025, 12, 29), w1.startDate());
        assertEquals(DayOfWeek.MONDAY, w1.startDate().getDayOfWeek());
        assertEquals(LocalDate.of(2026, 1, 5), w1.endDateExclusive());
        assertEquals(w1, Period.containing(LocalDate.of(2025, 12, 29), PeriodType.WEEK));
        assertEquals(Period.week(2025, 52), Period.containing(LocalDate.of(2025, 12, 28), PeriodType.WEEK));
    }

    @Test
    void lastDaysOf2026AreInWeek53AndSoIsNewYearsDay2027() {
        assertEquals(Period.week(2026, 53), Period.containing(LocalDate.of(2026, 12, 31), PeriodType.WEEK));
        assertEquals(Period.week(2026, 53), Period.containing(LocalDate.of(2027, 1, 3), PeriodType.WEEK));
        assertEquals(Period.week(2027, 1), Period.containing(LocalDate.of(2027, 1, 4), PeriodType.WEEK));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-03-31, 2026, 2026-Q1, 2026-03",
            "2026-04-01, 2026, 2026-Q2, 2026-04",
            "2026-12-31, 2026, 2026-Q4, 2026-12",
            "2025-12-29, 2025, 2025-Q4, 2025-12"})
    void containingDay(LocalDate day, String year, String quarter, String month) {
        assertEquals(year, Period.containing(day, PeriodType.YEAR).key());
        assertEquals(quarter, Period.containing(day, PeriodType.QUARTER).key());
        assertEquals(month, Period.containing(day, PeriodType.MONTH).key());
    }

    @ParameterizedTest
    @CsvSource({"2024, 29", "2028, 29", "2026, 28", "2100, 28", "2000, 29"})
    void februaryLengthFollowsLeapYears(int year, int days) {
        Period feb = Period.month(year, 2);
        assertEquals(days, feb.lengthInDays());
        assertEquals(LocalDate.of(year, 3, 1), feb.endDateExclusive());
    }

    @ParameterizedTest
    @CsvSource({"2024, 366", "2026, 365", "2100, 365"})
    void yearLength(int year, int days) {
        assertEquals(days, Period.year(year).lengthInDays());
    }

    @ParameterizedTest
    @CsvSource({
            "2026, 2025",
            "2026-Q1, 2025-Q4",
            "2026-Q2, 2026-Q1",
            "2026-01, 2025-12",
            "2026-03, 2026-02",
            "2026-W01, 2025-W52",
            "2027-W01, 2026-W53",
            "2026-W20, 2026-W19"})
    void previousAndNext(String key, String previousKey) {
        Period period = Period.parse(key);
        Period previous = Period.parse(previousKey);
        assertEquals(previous, period.previous());
        assertEquals(period, previous.next());
        assertEquals(previous.endDateExclusive(), period.startDate(), "adjacent periods share their boundary");
    }

    @ParameterizedTest
    @CsvSource({
            "2026-Q2, 2026",
            "2026-05, 2026-Q2",
            "2026-03, 2026-Q1",
            "2026-10, 2026-Q4",
            // Thursday 2026-01-01: the week that starts in December 2025 belongs to January 2026
            "2026-W01, 2026-01",
            "2026-W53, 2026-12",
            // Mon 2026-01-26 .. Sun 2026-02-01, Thursday the 29th
            "2026-W05, 2026-01",
            // Mon 2026-04-27 .. Sun 2026-05-03, Thursday the 30th
            "2026-W18, 2026-04",
            // Mon 2026-06-29 .. Sun 2026-07-05, Thursday July 2nd
            "2026-W27, 2026-07",
            // starts Mon 2024-12-30, Thursday 2025-01-02
            "2025-W01, 2025-01",
            "2020-W53, 2020-12"})
    void parent(String key, String parentKey) {
        assertEquals(Optional.of(Period.parse(parentKey)), Period.parse(key).parent());
    }

    @Test
    void yearHasNoParentAndWeekHasNoChildren() {
        assertTrue(Period.year(2026).parent().isEmpty());
        assertTrue(Period.week(2026, 1).children().isEmpty());
    }

    @Test
    void childrenOfYearQuarterAndMonth() {
        assertEquals(List.of(Period.quarter(2026, 1), Period.quarter(2026, 2), Period.quarter(2026, 3),
                Period.quarter(2026, 4)), Period.year(2026).children());
        assertEquals(List.of(Period.month(2026, 4), Period.month(2026, 5), Period.month(2026, 6)),
                Period.quarter(2026, 2).children());
        // January 2026 has Thursdays 1, 8, 15, 22, 29
        assertEquals(List.of(Period.week(2026, 1), Period.week(2026, 2), Period.week(2026, 3), Period.week(2026, 4),
                Period.week(2026, 5)), Period.month(2026, 1).children());
        // February 2026 has Thursdays 5, 12, 19, 26
        assertEquals(4, Period.month(2026, 2).children().size());
        assertEquals(Period.week(2026, 6), Period.month(2026, 2).children().get(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {2015, 2020, 2024, 2025, 2026, 2027, 2028, 2032})
    void monthsOfAYearHoldEveryWeekOfItsWeekBasedYearExactlyOnce(int year) {
        List<Period> weeks = new ArrayList<>();
        for (Period quarter : Period.year(year).children()) {
            for (Period month : quarter.children()) {
                assertEquals(Optional.of(quarter), month.parent());
                for (Period week : month.children()) {
                    assertEquals(Optional.of(month), week.parent());
                    weeks.add(week);
                }
            }
        }
        Set<Period> distinct = new HashSet<>(weeks);
        assertEquals(weeks.size(), distinct.size());
        assertEquals(Period.weeksInWeekBasedYear(year), weeks.size());
        assertEquals(Period.week(year, 1), weeks.get(0));
        assertEquals(Period.week(year, Period.weeksInWeekBasedYear(year)), weeks.get(weeks.size() - 1));
    }

    @Test
    void containsIsHalfOpen() {
        Period may = Period.month(2026, 5);
        assertTrue(may.contains(LocalDate.of(2026, 5, 1)));
        assertTrue(may.contains(LocalDate.of(2026, 5, 31)));
        assertFalse(may.contains(LocalDate.of(2026, 6, 1)));
        assertFalse(may.contains(LocalDate.of(2026, 4, 30)));
    }

    @Test
    void orderingIsChronologicalThenCoarserFirst() {
        List<Period> periods = new ArrayList<>(List.of(Period.month(2026, 1), Period.week(2026, 1), Period.year(2026),
                Period.quarter(2026, 1), Period.month(2025, 12)));
        periods.sort(null);
        assertEquals(List.of(Period.month(2025, 12), Period.week(2026, 1), Period.year(2026), Period.quarter(2026, 1),
                Period.month(2026, 1)), periods);
    }

    @Test
    void rejectsInvalidConstruction() {
        assertThrows(IllegalArgumentException.class, () -> Period.quarter(2026, 0));
        assertThrows(IllegalArgumentException.class, () -> Period.month(2026, 13));
        assertThrows(IllegalArgumentException.class, () -> Period.week(2025, 53));
        assertThrows(IllegalArgumentException.class, () -> new Period(PeriodType.YEAR, 2026, 1));
        assertThrows(IllegalArgumentException.class, () -> Period.year(10000));
    }

    @Test
    void monthAndWeekKeysArePaddedAsTheKeyFormatSays() {
        for (int year = 1999; year <= 2031; year++) {
            for (int month = 1; month <= 12; month++) {
                Period p = Period.month(year, month);
                assertEquals(String.format("%d-%02d", year, month), p.key());
                assertEquals(p, Period.parse(p.key()));
            }
            for (int week = 1; week <= Period.weeksInWeekBasedYear(year); week++) {
                Period p = Period.week(year, week);
                assertEquals(String.format("%d-W%02d", year, week), p.key());
                assertEquals(p, Period.parse(p.key()));
            }
        }
    }
}
