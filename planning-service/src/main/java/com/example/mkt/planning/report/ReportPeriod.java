package com.example.mkt.planning.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar span one report covers: an ISO week (Monday to Sunday, docs/domain.md#business-locale) or a
 * calendar month. The {@link #label()} ({@code 2026-W19}, {@code 2026-05}) is part of the deterministic
 * obligation key, so its format must never change.
 *
 * @param end inclusive
 */
public record ReportPeriod(ReportKind kind, LocalDate start, LocalDate end) {

    private static final Pattern WEEK_LABEL = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH_LABEL = Pattern.compile("(\\d{4})-(\\d{2})");

    public ReportPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        boolean aligned = switch (kind) {
            case WEEKLY -> start.getDayOfWeek() == DayOfWeek.MONDAY && end.equals(start.plusDays(6));
            case MONTHLY -> start.getDayOfMonth() == 1 && end.equals(start.with(TemporalAdjusters.lastDayOfMonth()));
        };
        if (!aligned) {
            throw new IllegalArgumentException(kind + " period cannot span " + start + ".." + end);
        }
    }

    public static ReportPeriod weekContaining(LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportPeriod(ReportKind.WEEKLY, monday, monday.plusDays(6));
    }

    /** ISO-8601 week {@code week} of week-based year {@code weekBasedYear}; week 1 holds the year's first Thursday. */
    public static ReportPeriod isoWeek(int weekBasedYear, int week) {
        LocalDate jan4 = LocalDate.of(weekBasedYear, 1, 4);
        long weeksInYear = jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeksInYear) {
            throw new IllegalArgumentException(weekBasedYear + " has no ISO week " + week);
        }
        return weekContaining(jan4.plusWeeks(week - 1L));
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(ReportKind.MONTHLY, month.atDay(1), month.atEndOfMonth());
    }

    public static ReportPeriod monthContaining(LocalDate date) {
        return month(YearMonth.from(date));
    }

    public static ReportPeriod containing(ReportKind kind, LocalDate date) {
        return kind == ReportKind.WEEKLY ? weekContaining(date) : monthContaining(date);
    }

    /** Inverse of {@link #label()}. */
    public static ReportPeriod parse(ReportKind kind, String label) {
        Matcher m = (kind == ReportKind.WEEKLY ? WEEK_LABEL : MONTH_LABEL).matcher(label);
        if (!m.matches()) {
            throw new DateTimeParseException("not a " + kind + " period label", label, 0);
        }
        int year = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        try {
            return kind == ReportKind.WEEKLY ? isoWeek(year, number) : month(YearMonth.of(year, number));
        } catch (RuntimeException e) {
            throw new DateTimeParseException(e.getMessage(), label, 0, e);
        }
    }

    /** {@code 2026-W19} (ISO week-based year) or {@code 2026-05}. */
    public String label() {
        if (kind == ReportKind.WEEKLY) {
            return String.format("%04d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        return YearMonth.from(start).toString();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    public ReportPeriod next() {
        return containing(kind, end.plusDays(1));
    }

    public ReportPeriod previous() {
        return containing(kind, start.minusDays(1));
    }
}
