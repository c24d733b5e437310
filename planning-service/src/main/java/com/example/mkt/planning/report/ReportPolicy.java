package com.example.mkt.planning.report;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Deadlines of the periodic reports ("每周五下班前必须遞交...如有特殊原因,则需在周一上午9点以前遞交";
 * "業務人員必須在每月最后一天遞交工作報告"; docs/domain.md#periodic-reports).
 *
 * <p>Both kinds share one shape: due at end of work ({@code dueTime}) on the due date, then a late window, with a
 * reason, until {@code lateUntilTime} on the next working day. For the weekly report that is Friday 18:00 then
 * Monday 09:00 exactly as the business says; it gives the monthly report no grace, and we apply the same "next
 * working morning" rule rather than inventing a second one. No holiday calendar is applied: a public holiday on
 * a due date moves nothing.
 *
 * @param zone                      business zone in which dates and times of day are read
 * @param weeklyDueDay              day of the report's own week on which it is due
 * @param dueTime                   end of work on the due date; a submission at exactly this time is on time
 * @param lateUntilTime             end of the late window on the next working day; exactly at it is still late
 * @param workingDays               days that count as "next working day"
 * @param reasonRequiredWhenOverdue an overdue submission must explain itself as a late one does
 * @param maxReasonLength           in characters (code points)
 * @param requiredKinds             which reports staff owe; a deployment may switch one off
 */
public record ReportPolicy(ZoneId zone, DayOfWeek weeklyDueDay, LocalTime dueTime, LocalTime lateUntilTime,
        Set<DayOfWeek> workingDays, boolean reasonRequiredWhenOverdue, int maxReasonLength,
        Set<ReportKind> requiredKinds) {

    public ReportPolicy {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weeklyDueDay, "weeklyDueDay");
        Objects.requireNonNull(dueTime, "dueTime");
        Objects.requireNonNull(lateUntilTime, "lateUntilTime");
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("workingDays must not be empty");
        }
        if (maxReasonLength < 1) {
            throw new IllegalArgumentException("maxReasonLength must be positive");
        }
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        requiredKinds = Set.copyOf(requiredKinds);
    }

    public static ReportPolicy defaults() {
        return new ReportPolicy(ZoneId.of("Asia/Shanghai"), DayOfWeek.FRIDAY, LocalTime.of(18, 0),
                LocalTime.of(9, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), true, 500,
                EnumSet.allOf(ReportKind.class));
    }
}
