package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A corrective plan someone owes.
 *
 * @param subject         the ranked staff member or unit; the wiring layer resolves whose manager files the plan
 * @param month           the month ranked
 * @param rankFromBottom  1 = lowest score; ties share
 * @param score           the month's final score
 * @param dueDate         last day to submit, in the business zone
 * @param dueBefore       the instant the plan becomes overdue (start of the day after {@code dueDate})
 */
public record CorrectivePlanDue(String subject, YearMonth month, int rankFromBottom, BigDecimal score,
                                LocalDate dueDate, Instant dueBefore) {
}
