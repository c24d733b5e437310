package com.example.mkt.kpi.alert;

import com.example.mkt.kpi.period.Period;

/**
 * A change of an alert's state, to be published and shown.
 *
 * @param kind          opened or closed
 * @param period        the period whose result caused the change
 * @param streakStart   first missed period of the streak
 * @param missesRunning consecutive misses up to {@code period} (0 when closed by a met period)
 */
public record AlertTransition(Kind kind, Period period, Period streakStart, int missesRunning) {

    public enum Kind {
        OPENED,
        CLOSED
    }
}
