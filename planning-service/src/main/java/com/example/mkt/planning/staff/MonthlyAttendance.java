package com.example.mkt.planning.staff;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.FieldError;

/**
 * A person's month as the branch records it: the days the schedule required (应出勤天数) and the dates of leave taken
 * (请假). What a branch manager keeps is the schedule's count and a leave slip per day, so leave is recorded as dates:
 * a day cannot be counted twice, and a date outside the month is caught. Days on duty = scheduled − leave; whole days
 * only (a half day off is recorded as the branch's rules round it).
 *
 * @param leaveDates distinct, sorted, all in {@code month}
 */
public record MonthlyAttendance(YearMonth month, int scheduledDays, List<LocalDate> leaveDates) {

    private static final Pattern MONTH = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");

    public MonthlyAttendance {
        Objects.requireNonNull(month, "month");
        leaveDates = leaveDates.stream().sorted().toList();
        if (scheduledDays < 0 || scheduledDays > month.lengthOfMonth() || leaveDates.size() > scheduledDays
                || leaveDates.stream().distinct().count() != leaveDates.size()
                || leaveDates.stream().anyMatch(d -> !YearMonth.from(d).equals(month))) {
            throw new IllegalArgumentException("inconsistent attendance: " + month + " " + scheduledDays + " "
                    + leaveDates);
        }
    }

    public int leaveDays() {
        return leaveDates.size();
    }

    public int daysOnDuty() {
        return scheduledDays - leaveDays();
    }

    /** The path's month: {@code yyyy-MM}, else 400 naming {@code month}. */
    public static YearMonth month(String value) {
        if (value == null || !MONTH.matcher(value).matches()) {
            throw ApiException.invalid("month", "must be a month like 2026-11");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("month", "must be a month like 2026-11");
        }
    }

    /**
     * Checks what a request says about {@code month}; 400 naming every field at fault: {@code scheduledDays} beyond
     * the month's length, {@code leaveDates[i]} outside the month or given twice, {@code leaveDates} when there is
     * more leave than scheduled days.
     */
    public static MonthlyAttendance of(YearMonth month, int scheduledDays, List<LocalDate> leaveDates) {
        List<LocalDate> leave = leaveDates == null ? List.of() : leaveDates;
        List<FieldError> errors = new ArrayList<>();
        if (scheduledDays < 0 || scheduledDays > month.lengthOfMonth()) {
            errors.add(new FieldError("scheduledDays", "must be between 0 and " + month.lengthOfMonth()
                    + ", the days of " + month));
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < leave.size(); i++) {
            LocalDate day = leave.get(i);
            if (!YearMonth.from(day).equals(month)) {
                errors.add(new FieldError("leaveDates[" + i + "]", "must be a day of " + month));
            } else if (!seen.add(day)) {
                errors.add(new FieldError("leaveDates[" + i + "]", day + " is listed twice"));
            }
        }
        if (errors.isEmpty() && leave.size() > scheduledDays) {
            errors.add(new FieldError("leaveDates", leave.size() + " days of leave exceed the " + scheduledDays
                    + " scheduled days"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new MonthlyAttendance(month, scheduledDays, leave);
    }
}
