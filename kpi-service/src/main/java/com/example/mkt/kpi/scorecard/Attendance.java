package com.example.mkt.kpi.scorecard;

/**
 * One person's month on duty.
 *
 * @param daysOnDuty    days actually worked
 * @param scheduledDays days the month required (应出勤天数)
 */
public record Attendance(int daysOnDuty, int scheduledDays) {

    public Attendance {
        if (daysOnDuty < 0 || scheduledDays < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
    }
}
