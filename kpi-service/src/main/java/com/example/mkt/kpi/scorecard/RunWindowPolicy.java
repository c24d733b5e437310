package com.example.mkt.kpi.scorecard;

/**
 * When a month's scorecards are run: on the 1st to 5th of the next month, postponed by holidays
 * ("考核实施时间为下月的1~5日,遇节假日顺延").
 *
 * @param firstDay    day of the next month the window starts at (1)
 * @param workingDays working days the window lasts (5). With no holidays that is the 1st-5th; every holiday on the way
 *                    pushes the end one day later, so National Day (Oct 1-7) moves October's run to Oct 8-12.
 */
public record RunWindowPolicy(int firstDay, int workingDays) {

    public RunWindowPolicy {
        if (firstDay < 1 || firstDay > 28) {
            throw new IllegalArgumentException("firstDay must be within 1..28 so that every month has it");
        }
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1");
        }
    }

    public static RunWindowPolicy defaults() {
        return new RunWindowPolicy(1, 5);
    }
}
