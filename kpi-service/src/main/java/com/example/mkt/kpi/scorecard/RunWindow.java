package com.example.mkt.kpi.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The days on which one month's scorecards are run.
 *
 * @param month     the month being scored
 * @param firstDay  first working day of the window
 * @param lastDay   last day of the window (inclusive)
 * @param opensAt   start of {@code firstDay} in the business zone
 * @param closesAt  start of the day after {@code lastDay} (exclusive)
 */
public record RunWindow(YearMonth month, LocalDate firstDay, LocalDate lastDay, Instant opensAt, Instant closesAt) {

    public boolean contains(Instant instant) {
        return !instant.isBefore(opensAt) && instant.isBefore(closesAt);
    }
}
