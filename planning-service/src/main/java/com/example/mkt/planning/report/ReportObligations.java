package com.example.mkt.planning.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which staff owe which report for a period.
 *
 * <p>A staff member owes a period's report when on duty both on the period's first working day and on its due
 * date: someone who joins mid-week has nothing to summarise yet, and someone who left before Friday cannot be
 * chased. Their org unit is the one they belong to when generation runs, which is when the obligation is
 * created; later transfers do not move an existing obligation.
 */
public final class ReportObligations {

    private final ReportCalendar calendar;

    public ReportObligations(ReportCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public boolean owes(ReportingStaff staff, ReportPeriod period) {
        return calendar.policy().requiredKinds().contains(period.kind())
                && staff.isOnDuty(calendar.firstWorkingDay(period))
                && staff.isOnDuty(calendar.dueDate(period));
    }

    /**
     * The obligations for {@code period}, one per staff id (a staff id listed twice yields one obligation, the
     * first listing winning), ordered by key so repeated runs produce identical output.
     */
    public List<ReportObligation> dueFor(Collection<ReportingStaff> staff, ReportPeriod period) {
        ReportDeadlines deadlines = calendar.deadlines(period);
        Map<String, ReportObligation> byKey = new TreeMap<>();
        for (ReportingStaff member : staff) {
            if (owes(member, period)) {
                ReportKey key = new ReportKey(member.staffId(), period);
                byKey.putIfAbsent(key.value(), new ReportObligation(key, member.orgUnitCode(), deadlines));
            }
        }
        return List.copyOf(byKey.values());
    }

    /** Obligations of every required kind for the periods containing {@code date}: what a daily job generates. */
    public List<ReportObligation> dueForPeriodsContaining(Collection<ReportingStaff> staff, LocalDate date) {
        return calendar.policy().requiredKinds().stream()
                .sorted(Comparator.naturalOrder())
                .flatMap(kind -> dueFor(staff, ReportPeriod.containing(kind, date)).stream())
                .toList();
    }
}
