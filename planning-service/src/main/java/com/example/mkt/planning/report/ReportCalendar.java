package com.example.mkt.planning.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** Reads {@link ReportPolicy} against the calendar: due dates, deadlines and the period "now" falls in. */
public final class ReportCalendar {

    private final ReportPolicy policy;

    public ReportCalendar(ReportPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ReportPolicy policy() {
        return policy;
    }

    /** Weekly: the policy's due day inside the report's own week; monthly: the last day of the month. */
    public LocalDate dueDate(ReportPeriod period) {
        return switch (period.kind()) {
            case WEEKLY -> period.start().plusDays(policy.weeklyDueDay().getValue() - DayOfWeek.MONDAY.getValue());
            case MONTHLY -> period.end();
        };
    }

    public ReportDeadlines deadlines(ReportPeriod period) {
        LocalDate dueDate = dueDate(period);
        Instant due = dueDate.atTime(policy.dueTime()).atZone(policy.zone()).toInstant();
        Instant lateUntil = nextWorkingDay(dueDate).atTime(policy.lateUntilTime()).atZone(policy.zone()).toInstant();
        return new ReportDeadlines(due, lateUntil);
    }

    /** The first working day of the period (staff who join later owe nothing for it). */
    public LocalDate firstWorkingDay(ReportPeriod period) {
        LocalDate day = period.start();
        while (!policy.workingDays().contains(day.getDayOfWeek()) && day.isBefore(period.end())) {
            day = day.plusDays(1);
        }
        return day;
    }

    public ReportPeriod periodContaining(ReportKind kind, Instant instant) {
        return ReportPeriod.containing(kind, localDate(instant));
    }

    /** The first instant a report may be submitted: the start of its period in the business zone. */
    public Instant opensAt(ReportPeriod period) {
        return period.start().atStartOfDay(policy.zone()).toInstant();
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(policy.zone()).toLocalDate();
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!policy.workingDays().contains(day.getDayOfWeek())) {
            day = day.plusDays(1);
        }
        return day;
    }
}
