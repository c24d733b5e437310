package com.example.mkt.kpi.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodType;

/**
 * The grains a staff member's cells are kept at: the day and the month, whatever grains the unit cells keep. A week
 * is read as the sum of its seven days and a quarter or a year as the sum of its months, so a read sums at most 12
 * rows per person and unit, while a batch writes two rows per person, unit and day instead of five. The staff upsert
 * was the kpi consumer's costliest per-batch statement (docs/performance.md); staff figures are read by rankings and
 * the monthly scorecards, far less often than sales arrive.
 */
public final class StaffGrains {

    private StaffGrains() {
    }

    /** The stored periods containing {@code day}, coarsest first. */
    public static List<Period> containing(LocalDate day) {
        return List.of(Period.containing(day, PeriodType.MONTH), Period.day(day));
    }

    /** The stored periods whose sum is {@code period}, in order. */
    public static List<Period> storedIn(Period period) {
        List<Period> out = new ArrayList<>();
        switch (period.type()) {
            case DAY, MONTH -> out.add(period);
            case WEEK -> {
                for (LocalDate d = period.startDate(); d.isBefore(period.endDateExclusive()); d = d.plusDays(1)) {
                    out.add(Period.day(d));
                }
            }
            case QUARTER, YEAR -> {
                for (LocalDate d = period.startDate(); d.isBefore(period.endDateExclusive()); d = d.plusMonths(1)) {
                    out.add(Period.containing(d, PeriodType.MONTH));
                }
            }
        }
        return List.copyOf(out);
    }
}
