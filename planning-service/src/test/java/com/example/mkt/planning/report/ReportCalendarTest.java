package com.example.mkt.planning.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportCalendarTest {

    private final ReportCalendar calendar = new ReportCalendar(ReportPolicy.defaults());

    @Test
    void weeklyDueFriday1800ShanghaiLateUntilMonday0900() {
        ReportDeadlines d = calendar.deadlines(ReportPeriod.isoWeek(2026, 19));
        assertEquals(Instant.parse("2026-05-08T10:00:00Z"), d.due());
        assertEquals(Instant.parse("2026-05-11T01:00:00Z"), d.lateUntil());
    }

    @Test
    void week53DueOnNewYearsDayBecauseNoHolidayCalendarApplies() {
        ReportDeadlines d = calendar.deadlines(ReportPeriod.isoWeek(2026, 53));
        assertEquals(Instant.parse("2027-01-01T10:00:00Z"), d.due());
        assertEquals(Instant.parse("2027-01-04T01:00:00Z"), d.lateUntil());
    }

    @ParameterizedTest
    @CsvSource({
            // leap February ends on a Thursday: late window closes Friday morning
            "2024-02, 2024-02-29T10:00:00Z, 2024-03-01T01:00:00Z",
            // common February ends on a Saturday: due that Saturday, late until Monday morning
            "2026-02, 2026-02-28T10:00:00Z, 2026-03-02T01:00:00Z",
            // ends on a Friday
            "2026-07, 2026-07-31T10:00:00Z, 2026-08-03T01:00:00Z",
            // ends on a Sunday
            "2026-05, 2026-05-31T10:00:00Z, 2026-06-01T01:00:00Z",
            // year end
            "2026-12, 2026-12-31T10:00:00Z, 2027-01-01T01:00:00Z"})
    void monthlyDueLastDay1800(String month, Instant due, Instant lateUntil) {
        ReportDeadlines d = calendar.deadlines(ReportPeriod.month(YearMonth.parse(month)));
        assertEquals(due, d.due());
        assertEquals(lateUntil, d.lateUntil());
    }

    @Test
    void periodContainingReadsTheBusinessZone() {
        // Sunday 2026-05-10 16:30Z is already Monday 00:30 in Shanghai: next week.
        assertEquals("2026-W20", calendar.periodContaining(ReportKind.WEEKLY, Instant.parse("2026-05-10T16:30:00Z")).label());
        assertEquals("2026-W19", calendar.periodContaining(ReportKind.WEEKLY, Instant.parse("2026-05-10T15:59:59Z")).label());
        // 2026-04-30 16:00Z is 2026-05-01 00:00 in Shanghai.
        assertEquals("2026-05", calendar.periodContaining(ReportKind.MONTHLY, Instant.parse("2026-04-30T16:00:00Z")).label());
        assertEquals("2026-04", calendar.periodContaining(ReportKind.MONTHLY, Instant.parse("2026-04-30T15:59:59Z")).label());
    }

    @Test
    void firstWorkingDaySkipsWeekend() {
        // August 2026 starts on a Saturday.
        assertEquals(LocalDate.of(2026, 8, 3), calendar.firstWorkingDay(ReportPeriod.month(YearMonth.of(2026, 8))));
        assertEquals(LocalDate.of(2026, 5, 4), calendar.firstWorkingDay(ReportPeriod.isoWeek(2026, 19)));
    }

    @Test
    void opensAtStartOfPeriodInShanghai() {
        assertEquals(Instant.parse("2026-05-03T16:00:00Z"), calendar.opensAt(ReportPeriod.isoWeek(2026, 19)));
    }

    @Test
    void policyCanMoveTheDeadlines() {
        ReportPolicy thursdayNoon = new ReportPolicy(ZoneId.of("Asia/Shanghai"), DayOfWeek.THURSDAY,
                LocalTime.NOON, LocalTime.of(10, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), true, 500,
                EnumSet.allOf(ReportKind.class));
        ReportDeadlines d = new ReportCalendar(thursdayNoon).deadlines(ReportPeriod.isoWeek(2026, 19));
        assertEquals(Instant.parse("2026-05-07T04:00:00Z"), d.due());
        assertEquals(Instant.parse("2026-05-08T02:00:00Z"), d.lateUntil());
    }
}
