package com.example.mkt.planning.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.FieldError;

/** The attendance a branch records for a month, at its edges: every refusal names the field at fault. */
class MonthlyAttendanceTest {

    private static final YearMonth NOV = YearMonth.of(2026, 11);

    private static List<String> fields(Runnable r) {
        ApiException e = assertThrows(ApiException.class, r::run);
        assertEquals(400, e.status());
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void daysOnDutyAreTheScheduledDaysLessTheLeave() {
        MonthlyAttendance a = MonthlyAttendance.of(NOV, 19,
                List.of(LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 11)));
        assertEquals(2, a.leaveDays());
        assertEquals(17, a.daysOnDuty());
        assertEquals(List.of(LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 12)), a.leaveDates(), "sorted");
        assertEquals(19, MonthlyAttendance.of(NOV, 19, null).daysOnDuty(), "no leave listed is none taken");
    }

    @Test
    void leaveMayTakeEveryScheduledDayButNotOneMore() {
        List<LocalDate> three = List.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4));
        assertEquals(0, MonthlyAttendance.of(NOV, 3, three).daysOnDuty());
        assertEquals(List.of("leaveDates"), fields(() -> MonthlyAttendance.of(NOV, 2, three)));
        assertEquals(0, MonthlyAttendance.of(NOV, 0, List.of()).daysOnDuty(), "a month with nothing scheduled");
    }

    @Test
    void scheduledDaysFitTheMonth() {
        assertEquals(30, MonthlyAttendance.of(NOV, 30, List.of()).scheduledDays());
        assertEquals(List.of("scheduledDays"), fields(() -> MonthlyAttendance.of(NOV, 31, List.of())));
        assertEquals(28, MonthlyAttendance.of(YearMonth.of(2026, 2), 28, List.of()).scheduledDays());
        assertEquals(List.of("scheduledDays"), fields(() -> MonthlyAttendance.of(YearMonth.of(2026, 2), 29, List.of())));
        assertEquals(29, MonthlyAttendance.of(YearMonth.of(2028, 2), 29, List.of()).scheduledDays());
    }

    @Test
    void leaveDatesLieInTheMonthOnce() {
        assertEquals(List.of("leaveDates[0]", "leaveDates[2]"), fields(() -> MonthlyAttendance.of(NOV, 19,
                List.of(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30)))));
        assertEquals(List.of("leaveDates[0]"),
                fields(() -> MonthlyAttendance.of(NOV, 19, List.of(LocalDate.of(2026, 12, 1)))));
    }

    @Test
    void theMonthIsYearDashMonth() {
        assertEquals(NOV, MonthlyAttendance.month("2026-11"));
        for (String bad : new String[] { "2026-13", "2026-00", "2026-1", "202611", "2026-11-01", "", "nov" }) {
            assertEquals(List.of("month"), fields(() -> MonthlyAttendance.month(bad)), bad);
        }
        assertEquals(List.of("month"), fields(() -> MonthlyAttendance.month(null)));
    }
}
