package com.example.mkt.planning.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The period each plan kind must cover: a calendar year, quarter, month, a Monday-to-Sunday week, one day; a
 * strategic plan spans whole years between the policy's bounds but may start in any month (the business's
 * strategy starts in September).
 */
final class PlanPeriodRules {

    private PlanPeriodRules() {
    }

    /** Why {@code period} does not fit {@code kind}, or empty. */
    static Optional<String> problem(PlanKind kind, PlanPeriod period, PlanPolicy policy) {
        LocalDate s = period.start();
        LocalDate e = period.end();
        return switch (kind) {
            case STRATEGIC -> {
                LocalDate shortest = s.plusYears(policy.strategicMinYears()).minusDays(1);
                LocalDate longest = s.plusYears(policy.strategicMaxYears()).minusDays(1);
                yield e.isBefore(shortest) || e.isAfter(longest)
                        ? Optional.of("a strategic plan spans " + policy.strategicMinYears() + " to "
                                + policy.strategicMaxYears() + " years")
                        : Optional.empty();
            }
            case ANNUAL -> s.getDayOfYear() == 1 && e.equals(s.with(TemporalAdjusters.lastDayOfYear()))
                    ? Optional.empty() : Optional.of("an annual plan covers one calendar year");
            case QUARTERLY -> s.getDayOfMonth() == 1 && (s.getMonthValue() - 1) % 3 == 0
                    && e.equals(s.plusMonths(3).minusDays(1))
                    ? Optional.empty() : Optional.of("a quarterly plan covers one calendar quarter");
            case MONTHLY -> s.getDayOfMonth() == 1 && e.equals(s.with(TemporalAdjusters.lastDayOfMonth()))
                    ? Optional.empty() : Optional.of("a monthly plan covers one calendar month");
            case WEEKLY -> s.getDayOfWeek() == DayOfWeek.MONDAY && e.equals(s.plusDays(6))
                    ? Optional.empty() : Optional.of("a weekly plan covers Monday to Sunday");
            case DAILY -> s.equals(e) ? Optional.empty() : Optional.of("a daily plan covers one day");
        };
    }
}
