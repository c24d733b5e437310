package com.example.mkt.kpi.period;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period identified by a stable key: {@code 2026}, {@code 2026-Q2}, {@code 2026-05}, {@code 2026-W19},
 * {@code 2026-11-30}.
 *
 * <p>Periods are calendar values with no zone; {@link PeriodCalendar} turns them into instants in the business zone.
 *
 * <p>Hierarchy (targets are broken down along it, docs/domain.md#targets):
 * YEAR → QUARTER → MONTH → WEEK, and DAY below the week. A week crosses month boundaries, so it is attached to the month that holds its
 * Thursday. That is the ISO-8601 rule that also decides a week's week-based year, so the Thursday month is always in
 * the week's own {@link #year()}: the weeks under the months of 2026 are exactly 2026-W01 .. 2026-W53, each once.
 * Event rollups do not use this attachment: a sale goes to the month of its own day and, independently, to its ISO
 * week (see {@code rollup.Rollup}), so week actuals are never summed into month actuals. A day's parent is its ISO
 * week, but a week lists no days as children: targets are not broken down below the week (a day's target is set per
 * day), so the breakdown and the sum check stop at the week.
 *
 * @param type   the grain
 * @param year   calendar year; for {@link PeriodType#WEEK} the ISO week-based year
 * @param number 1..4 for quarters, 1..12 for months, 1..52/53 for weeks, 1..365/366 (day of year) for days, 0 for
 *               years
 */
public record Period(PeriodType type, int year, int number) implements Comparable<Period> {

    private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(\\d{2})-(\\d{2})|-(\\d{2})|-W(\\d{2}))?");

    public Period {
        Objects.requireNonNull(type, "type");
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits: " + year);
        }
        int max = switch (type) {
            case YEAR -> 0;
            case QUARTER -> 4;
            case MONTH -> 12;
            case WEEK -> weeksInWeekBasedYear(year);
            case DAY -> Year.of(year).length();
        };
        int min = type == PeriodType.YEAR ? 0 : 1;
        if (number < min || number > max) {
            throw new IllegalArgumentException(type + " number out of range for " + year + ": " + number);
        }
    }

    public static Period year(int year) {
        return new Period(PeriodType.YEAR, year, 0);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodType.QUARTER, year, quarter);
    }

    public static Period month(int year, int month) {
        return new Period(PeriodType.MONTH, year, month);
    }

    public static Period month(YearMonth month) {
        return month(month.getYear(), month.getMonthValue());
    }

    public static Period week(int weekBasedYear, int week) {
        return new Period(PeriodType.WEEK, weekBasedYear, week);
    }

    /** A calendar day of the business zone, keyed {@code 2026-11-30}. */
    public static Period day(LocalDate day) {
        return new Period(PeriodType.DAY, day.getYear(), day.getDayOfYear());
    }

    /** The period of the given type that contains a calendar day (already resolved in the business zone). */
    public static Period containing(LocalDate day, PeriodType type) {
        return switch (type) {
            case YEAR -> year(day.getYear());
            case QUARTER -> quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
            case MONTH -> month(day.getYear(), day.getMonthValue());
            case WEEK -> week(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case DAY -> day(day);
        };
    }

    /** Parses a key produced by {@link #key()}; rejects anything else, including out-of-range numbers. */
    public static Period parse(String key) {
        Matcher m = KEY.matcher(Objects.requireNonNull(key, "key"));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a period key: " + key);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return quarter(year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            try {
                return day(LocalDate.of(year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("not a calendar day: " + key, e);
            }
        }
        if (m.group(5) != null) {
            return month(year, Integer.parseInt(m.group(5)));
        }
        if (m.group(6) != null) {
            return week(year, Integer.parseInt(m.group(6)));
        }
        return year(year);
    }

    /** 52 or 53: a week-based year has 53 weeks when December 28th falls in week 53. */
    public static int weeksInWeekBasedYear(int year) {
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /**
     * {@code 2026}, {@code 2026-Q4}, {@code 2026-11}, {@code 2026-W49}, {@code 2026-11-30}. Padded by hand: the
     * consumer asks for keys of every cell and staff cell of a batch, and String.format cost it 8 % of its CPU.
     */
    public String key() {
        return switch (type) {
            case YEAR -> String.valueOf(year);
            case QUARTER -> year + "-Q" + number;
            case MONTH -> year + (number < 10 ? "-0" : "-") + number;
            case WEEK -> year + (number < 10 ? "-W0" : "-W") + number;
            case DAY -> startDate().toString();
        };
    }

    /** First day of the period. */
    public LocalDate startDate() {
        return switch (type) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, number, 1);
            case WEEK -> LocalDate.of(year, 1, 4)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case DAY -> LocalDate.ofYearDay(year, number);
        };
    }

    /** First day after the period (exclusive end), so adjacent periods share a boundary and never overlap. */
    public LocalDate endDateExclusive() {
        LocalDate start = startDate();
        return switch (type) {
            case YEAR -> start.plusYears(1);
            case QUARTER -> start.plusMonths(3);
            case MONTH -> start.plusMonths(1);
            case WEEK -> start.plusWeeks(1);
            case DAY -> start.plusDays(1);
        };
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(startDate()) && day.isBefore(endDateExclusive());
    }

    public int lengthInDays() {
        return (int) (endDateExclusive().toEpochDay() - startDate().toEpochDay());
    }

    public Period previous() {
        return containing(startDate().minusDays(1), type);
    }

    public Period next() {
        return containing(endDateExclusive(), type);
    }

    /** The enclosing period one grain up; a week's parent is the month of its Thursday (see class comment). */
    public Optional<Period> parent() {
        return switch (type) {
            case YEAR -> Optional.empty();
            case QUARTER -> Optional.of(year(year));
            case MONTH -> Optional.of(quarter(year, (number - 1) / 3 + 1));
            case WEEK -> Optional.of(containing(startDate().plusDays(3), PeriodType.MONTH));
            case DAY -> Optional.of(containing(startDate(), PeriodType.WEEK));
        };
    }

    /**
     * The periods one grain down, in order; the inverse of {@link #parent()} down to the week. Weeks and days have
     * none: targets are not broken down to days (see class comment).
     */
    public List<Period> children() {
        List<Period> children = new ArrayList<>();
        switch (type) {
            case YEAR -> {
                for (int q = 1; q <= 4; q++) {
                    children.add(quarter(year, q));
                }
            }
            case QUARTER -> {
                for (int m = (number - 1) * 3 + 1; m <= number * 3; m++) {
                    children.add(month(year, m));
                }
            }
            case MONTH -> {
                LocalDate thursday = startDate().with(TemporalAdjusters.firstInMonth(DayOfWeek.THURSDAY));
                for (; thursday.getMonthValue() == number; thursday = thursday.plusWeeks(1)) {
                    children.add(containing(thursday, PeriodType.WEEK));
                }
            }
            case WEEK, DAY -> {
                // no target breakdown below the week
            }
        }
        return List.copyOf(children);
    }

    /** Chronological by start; on equal starts the coarser period first, so ordering is total and stable. */
    @Override
    public int compareTo(Period other) {
        int byStart = startDate().compareTo(other.startDate());
        return byStart != 0 ? byStart : type.compareTo(other.type);
    }

    @Override
    public String toString() {
        return key();
    }
}
