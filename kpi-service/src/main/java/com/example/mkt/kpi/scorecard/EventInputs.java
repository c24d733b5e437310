package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import com.example.mkt.kpi.attendance.RecordedAttendance;
import com.example.mkt.kpi.rollup.CellStore;

/**
 * The scorecard inputs the monthly run derives from a person's staff cells and from the staff register's attendance;
 * everything else stays manual.
 *
 * <ul>
 * <li>{@code followUpsDone} = follow-ups completed by their deadline (FOLLOW_UP_COMPLETION_RATE numerator); the
 * sheet compares it with the quota prorated by attendance, so the deduction band is that of done ÷ expected;</li>
 * <li>{@code surveyed}/{@code satisfied} = SATISFACTION_RATE denominator/numerator;</li>
 * <li>{@code complaintsReceived}/{@code complaintsResolved} = COMPLAINT_ON_TIME_RATE denominator/numerator, only when
 * the person has such a cell: complaints resolved or closed while assigned to them ({@code assignee} in
 * {@code complaint.*}); without any, the manual counts stay;</li>
 * <li>{@code daysOnDuty}/{@code scheduledDays} = the person's month in planning-service's staff register
 * ({@code staff.attendance-recorded}: on duty = scheduled − leave), only when it was recorded; the quota is prorated
 * by it. Without a record the card's own figures stay: a new card's are full attendance (on duty every scheduled
 * day; scheduled = the month's Monday-to-Friday days), editable until published.</li>
 * </ul>
 * A new card starts with zero manual counts, all editable until published; a recorded month replaces the attendance
 * typed on a draft at the next run (the register is the source of attendance).
 */
public final class EventInputs {

    private EventInputs() {
    }

    public static ScorecardResource.Inputs merge(ScorecardResource.Inputs existing, YearMonth month,
            Optional<CellStore.Sums> followUps, Optional<CellStore.Sums> satisfaction,
            Optional<CellStore.Sums> complaints, Optional<RecordedAttendance> attendance) {
        ScorecardResource.Inputs base = existing != null ? existing : blank(month);
        int followUpsDone = followUps.map(s -> count(s.numerator())).orElse(0);
        int surveyed = satisfaction.map(s -> count(s.denominator())).orElse(0);
        int satisfied = satisfaction.map(s -> count(s.numerator())).orElse(0);
        int received = complaints.map(s -> count(s.denominator())).orElse(base.complaintsReceived());
        int resolved = complaints.map(s -> count(s.numerator())).orElse(base.complaintsResolved());
        int onDuty = attendance.map(RecordedAttendance::daysOnDuty).orElse(base.daysOnDuty());
        int scheduled = attendance.map(RecordedAttendance::scheduledDays).orElse(base.scheduledDays());
        return new ScorecardResource.Inputs(base.failedSpotChecks(), received, resolved, followUpsDone,
                onDuty, scheduled, base.falseFollowUps(), surveyed, satisfied,
                base.falseReports(), base.auditDeductions(), base.commendations(), base.criticisms());
    }

    /** Zero manual counts, full attendance. */
    static ScorecardResource.Inputs blank(YearMonth month) {
        int days = weekdays(month);
        return new ScorecardResource.Inputs(0, 0, 0, 0, days, days, 0, 0, 0, 0, List.of(), List.of(), List.of());
    }

    static int weekdays(YearMonth month) {
        int n = 0;
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                n++;
            }
        }
        return n;
    }

    private static int count(BigDecimal value) {
        return Math.max(0, value.intValue());
    }
}
