package com.example.mkt.kpi.alert;

import com.example.mkt.kpi.period.Period;

/**
 * What the detector remembers per org unit and KPI between periods; small enough to persist as a row.
 *
 * @param lastPeriod  last evaluated period, {@code null} before the first
 * @param misses      consecutive misses ending at {@code lastPeriod}
 * @param streakStart first period of the current miss run, or of the open alert's run; {@code null} when none
 * @param open        whether an alert is open
 */
public record MissStreak(Period lastPeriod, int misses, Period streakStart, boolean open) {

    public static MissStreak initial() {
        return new MissStreak(null, 0, null, false);
    }
}
