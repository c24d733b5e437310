package com.example.mkt.kpi.scorecard;

import com.example.mkt.kpi.period.HolidayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.ArrayList;
import java.util.List;

/** Decides when a month's scorecards are due to run; see {@link RunWindowPolicy}. */
public final class ScorecardSchedule {

    private final RunWindowPolicy policy;
    private final HolidayCalendar holidays;
    private final ZoneId zone;

    public ScorecardSchedule(RunWindowPolicy policy, HolidayCalendar holidays, ZoneId zone) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public RunWindow windowFor(YearMonth month) {
        LocalDate day = month.plusMonths(1).atDay(policy.firstDay());
        while (holidays.isHoliday(day)) {
            day = day.plusDays(1);
        }
        LocalDate first = day;
        LocalDate last = day;
        for (int counted = 1; counted < policy.workingDays(); ) {
            day = day.plusDays(1);
            if (holidays.isWorkingDay(day)) {
                counted++;
                last = day;
            }
        }
        return new RunWindow(month, first, last,
                first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * The months whose scorecards should be run at {@code now}, oldest first: usually none or one, but a long
     * holiday can push one month's window into the next one's.
     */
    public List<YearMonth> monthsToRun(Instant now) {
        YearMonth current = YearMonth.from(LocalDate.ofInstant(now, zone));
        List<YearMonth> due = new ArrayList<>();
        // two months back covers any real holiday calendar
        for (int back = 2; back >= 1; back--) {
            RunWindow window = windowFor(current.minusMonths(back));
            if (window.contains(now)) {
                due.add(window.month());
            }
        }
        return List.copyOf(due);
    }
}
