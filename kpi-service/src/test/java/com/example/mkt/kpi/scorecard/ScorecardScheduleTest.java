package com.example.mkt.kpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.mkt.kpi.period.HolidayCalendar;
import com.example.mkt.kpi.period.PeriodCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScorecardScheduleTest {

    private static final HolidayCalendar NATIONAL_DAY_2026 = HolidayCalendar.of(IntStream.rangeClosed(1, 7)
            .mapToObj(d -> LocalDate.of(2026, 10, d)).collect(Collectors.toSet()));

    private final ScorecardSchedule plain = new ScorecardSchedule(RunWindowPolicy.defaults(), HolidayCalendar.none(),
            PeriodCalendar.BUSINESS_ZONE);

    @Test
    void firstToFifthOfTheNextMonthInShanghai() {
        RunWindow w = plain.windowFor(YearMonth.of(2026, 5));
        assertEquals(LocalDate.of(2026, 6, 1), w.firstDay());
        assertEquals(LocalDate.of(2026, 6, 5), w.lastDay());
        assertEquals(Instant.parse("2026-05-31T16:00:00Z"), w.opensAt());
        assertEquals(Instant.parse("2026-06-05T16:00:00Z"), w.closesAt());
    }

    @Test
    void decemberRunsInJanuaryOfTheNextYear() {
        RunWindow w = plain.windowFor(YearMonth.of(2026, 12));
        assertEquals(LocalDate.of(2027, 1, 1), w.firstDay());
        assertEquals(LocalDate.of(2027, 1, 5), w.lastDay());
    }

    @ParameterizedTest
    @CsvSource({
            "2026-05-31T15:59:59Z, ",
            "2026-05-31T16:00:00Z, 2026-05",
            "2026-06-05T15:59:59Z, 2026-05",
            "2026-06-05T16:00:00Z, ",
            "2026-06-15T00:00:00Z, "})
    void monthsToRunAtTheEdges(Instant now, String month) {
        assertEquals(Optional.ofNullable(month).map(YearMonth::parse).stream().toList(), plain.monthsToRun(now));
    }

    @Test
    void holidaysPostponeTheWindow() {
        ScorecardSchedule schedule = new ScorecardSchedule(RunWindowPolicy.defaults(), NATIONAL_DAY_2026,
                PeriodCalendar.BUSINESS_ZONE);
        RunWindow september = schedule.windowFor(YearMonth.of(2026, 9));
        assertEquals(LocalDate.of(2026, 10, 8), september.firstDay());
        assertEquals(LocalDate.of(2026, 10, 12), september.lastDay());
        assertEquals(List.of(), schedule.monthsToRun(Instant.parse("2026-10-03T02:00:00Z")));
        assertEquals(List.of(YearMonth.of(2026, 9)), schedule.monthsToRun(Instant.parse("2026-10-12T15:59:59Z")));
    }

    @Test
    void aHolidayInsideTheWindowExtendsItByADay() {
        ScorecardSchedule schedule = new ScorecardSchedule(RunWindowPolicy.defaults(),
                HolidayCalendar.of(Set.of(LocalDate.of(2026, 6, 3))), PeriodCalendar.BUSINESS_ZONE);
        RunWindow w = schedule.windowFor(YearMonth.of(2026, 5));
        assertEquals(LocalDate.of(2026, 6, 1), w.firstDay());
        assertEquals(LocalDate.of(2026, 6, 6), w.lastDay());
        assertTrue(w.contains(Instant.parse("2026-06-02T20:00:00Z")), "the holiday itself is inside the window");
    }

    @Test
    void windowsPushedTogetherAreBothDue() {
        // a pathological calendar: all of June is a holiday, so May's run lands in July
        HolidayCalendar june = day -> day.getYear() == 2026 && day.getMonthValue() == 6;
        ScorecardSchedule schedule = new ScorecardSchedule(RunWindowPolicy.defaults(), june, PeriodCalendar.BUSINESS_ZONE);
        RunWindow may = schedule.windowFor(YearMonth.of(2026, 5));
        assertEquals(LocalDate.of(2026, 7, 1), may.firstDay());
        assertFalse(may.contains(Instant.parse("2026-07-05T16:00:00Z")));
        assertEquals(List.of(YearMonth.of(2026, 5), YearMonth.of(2026, 6)),
                schedule.monthsToRun(Instant.parse("2026-07-02T02:00:00Z")));
    }

    @Test
    void policyValidation() {
        assertThrows(IllegalArgumentException.class, () -> new RunWindowPolicy(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new RunWindowPolicy(29, 5));
        assertThrows(IllegalArgumentException.class, () -> new RunWindowPolicy(1, 0));
    }
}
