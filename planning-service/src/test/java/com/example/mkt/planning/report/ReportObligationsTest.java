package com.example.mkt.planning.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportObligationsTest {

    private static final ReportPeriod W19 = ReportPeriod.isoWeek(2026, 19);
    private final ReportObligations obligations = new ReportObligations(new ReportCalendar(ReportPolicy.defaults()));

    private static ReportingStaff staff(String id, String from, String until) {
        return new ReportingStaff(id, "T-NANCHANG-1", LocalDate.parse(from), until == null ? null : LocalDate.parse(until));
    }

    @ParameterizedTest(name = "on duty {0}..{1} owes W19: {2}")
    @CsvSource({
            "2020-01-01, , true",
            "2026-05-04, , true", // joined on the Monday
            "2026-05-05, , false", // joined on the Tuesday
            "2020-01-01, 2026-05-08, true", // left on the Friday (due date)
            "2020-01-01, 2026-05-07, false", // left on the Thursday
            "2026-05-04, 2026-05-08, true"})
    void weeklyDuty(String from, String until, boolean owes) {
        assertEquals(owes, obligations.owes(staff("s-1", from, until), W19));
    }

    @Test
    void monthStartingOnSaturdayCountsFromFirstWorkingDay() {
        ReportPeriod august = ReportPeriod.month(YearMonth.of(2026, 8));
        assertEquals(true, obligations.owes(staff("s-1", "2026-08-03", null), august));
        assertEquals(false, obligations.owes(staff("s-1", "2026-08-04", null), august));
        // left on the last day of the month, the due date
        assertEquals(true, obligations.owes(staff("s-1", "2026-01-01", "2026-08-31"), august));
        assertEquals(false, obligations.owes(staff("s-1", "2026-01-01", "2026-08-30"), august));
    }

    @Test
    void keysAreDeterministicAndOrdered() {
        List<ReportingStaff> team = new ArrayList<>(List.of(
                staff("s-042", "2020-01-01", null), staff("s-007", "2020-01-01", null),
                staff("s-099", "2026-05-06", null)));
        List<ReportObligation> first = obligations.dueFor(team, W19);
        Collections.reverse(team);
        assertEquals(first, obligations.dueFor(team, W19));
        assertEquals(List.of("s-007:WEEKLY:2026-W19", "s-042:WEEKLY:2026-W19"),
                first.stream().map(o -> o.key().value()).toList());
        assertEquals(Instant.parse("2026-05-08T10:00:00Z"), first.get(0).deadlines().due());
        assertEquals("T-NANCHANG-1", first.get(0).orgUnitCode());
    }

    @Test
    void duplicateStaffYieldOneObligation() {
        List<ReportObligation> result = obligations.dueFor(List.of(
                new ReportingStaff("s-1", "T-A", LocalDate.of(2020, 1, 1), null),
                new ReportingStaff("s-1", "T-B", LocalDate.of(2020, 1, 1), null)), W19);
        assertEquals(1, result.size());
        assertEquals("T-A", result.get(0).orgUnitCode());
    }

    @Test
    void emptyStaffListOwesNothing() {
        assertEquals(List.of(), obligations.dueFor(List.of(), W19));
        assertEquals(List.of(), obligations.dueForPeriodsContaining(List.of(), LocalDate.of(2026, 5, 8)));
    }

    @Test
    void dailyJobGeneratesWeeklyAndMonthly() {
        List<ReportObligation> result = obligations.dueForPeriodsContaining(
                List.of(staff("s-1", "2020-01-01", null)), LocalDate.of(2026, 5, 8));
        assertEquals(List.of("s-1:WEEKLY:2026-W19", "s-1:MONTHLY:2026-05"),
                result.stream().map(o -> o.key().value()).toList());
    }

    @Test
    void disabledKindIsNotOwed() {
        ReportPolicy weeklyOnly = new ReportPolicy(ZoneId.of("Asia/Shanghai"), DayOfWeek.FRIDAY, LocalTime.of(18, 0),
                LocalTime.of(9, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), true, 500,
                EnumSet.of(ReportKind.WEEKLY));
        ReportObligations o = new ReportObligations(new ReportCalendar(weeklyOnly));
        assertEquals(List.of(), o.dueFor(List.of(staff("s-1", "2020-01-01", null)),
                ReportPeriod.month(YearMonth.of(2026, 5))));
    }

    @Test
    void keyRoundTripsEvenWithColonsInStaffId() {
        ReportKey key = new ReportKey("ext:42", ReportPeriod.month(YearMonth.of(2024, 2)));
        assertEquals("ext:42:MONTHLY:2024-02", key.value());
        assertEquals(key, ReportKey.parse(key.value()));
        assertEquals(new ReportKey("s-042", W19), ReportKey.parse("s-042:WEEKLY:2026-W19"));
    }

    @Test
    void malformedKeysAreRejected() {
        for (String bad : List.of("", "s-1", "s-1:WEEKLY", ":WEEKLY:2026-W19", "s-1:DAILY:2026-05-01",
                "s-1:WEEKLY:2026-05", "s-1:MONTHLY:2026-W19")) {
            assertThrows(IllegalArgumentException.class, () -> ReportKey.parse(bad), bad);
        }
    }

    @Test
    void staffDutyDatesMustBeOrdered() {
        assertThrows(IllegalArgumentException.class, () -> staff("s-1", "2026-05-08", "2026-05-07"));
    }
}
