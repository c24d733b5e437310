package com.example.mkt.customer.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * An ISO week (Monday first, docs/domain.md#business-locale) named like {@code 2026-W19}. The
 * year is the week-based year, so 2025-12-29 belongs to 2026-W01.
 */
public record BusinessWeek(int weekBasedYear, int week) implements Comparable<BusinessWeek> {

    public BusinessWeek {
        LocalDate probe = LocalDate.of(weekBasedYear, 6, 1);
        long max = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(probe).getMaximum();
        if (week < 1 || week > max) {
            throw new IllegalArgumentException("week " + week + " outside 1.." + max + " of " + weekBasedYear);
        }
    }

    public static BusinessWeek of(LocalDate date) {
        return new BusinessWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(weekBasedYear, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public boolean contains(LocalDate date) {
        return of(date).equals(this);
    }

    public BusinessWeek plusWeeks(long weeks) {
        return of(monday().plusWeeks(weeks));
    }

    @Override
    public int compareTo(BusinessWeek other) {
        return monday().compareTo(other.monday());
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", weekBasedYear, week);
    }
}
