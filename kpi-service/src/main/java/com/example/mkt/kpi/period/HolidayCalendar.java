package com.example.mkt.kpi.period;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are non-working for deadline arithmetic ("遇节假日顺延").
 *
 * <p>China's statutory holidays (with their make-up working weekends) are published yearly, so the calendar is data
 * the wiring layer supplies; rules only ask this question.
 */
@FunctionalInterface
public interface HolidayCalendar {

    boolean isHoliday(LocalDate day);

    default boolean isWorkingDay(LocalDate day) {
        return !isHoliday(day);
    }

    /** Every day is a working day. */
    static HolidayCalendar none() {
        return day -> false;
    }

    static HolidayCalendar of(Set<LocalDate> holidays) {
        Set<LocalDate> copy = Set.copyOf(holidays);
        return copy::contains;
    }
}
