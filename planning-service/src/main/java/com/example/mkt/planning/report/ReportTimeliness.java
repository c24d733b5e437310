package com.example.mkt.planning.report;

import com.example.mkt.planning.validation.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides ON_TIME / LATE / OVERDUE / NOT_DUE / MISSING for a report (docs/domain.md#periodic-reports): on time up
 * to and including the due instant, late (a reason is required) up to and including the end of the late window,
 * overdue after it. Submissions after the window are still accepted, so the content is not lost, but stay
 * OVERDUE.
 */
public final class ReportTimeliness {

    private final ReportCalendar calendar;

    public ReportTimeliness(ReportCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** Status of a submission made at {@code submittedAt}. */
    public ReportStatus classify(ReportPeriod period, Instant submittedAt) {
        ReportDeadlines deadlines = calendar.deadlines(period);
        if (!submittedAt.isAfter(deadlines.due())) {
            return ReportStatus.ON_TIME;
        }
        return submittedAt.isAfter(deadlines.lateUntil()) ? ReportStatus.OVERDUE : ReportStatus.LATE;
    }

    /** Status at {@code now} of a report submitted at {@code submittedAt}, or not at all yet. */
    public ReportAssessment assess(ReportPeriod period, Optional<Instant> submittedAt, Instant now) {
        ReportDeadlines deadlines = calendar.deadlines(period);
        if (submittedAt.isPresent()) {
            Instant at = submittedAt.get();
            return new ReportAssessment(period, classify(period, at), deadlines, at, true);
        }
        if (!now.isAfter(deadlines.due())) {
            return new ReportAssessment(period, ReportStatus.NOT_DUE, deadlines, null, false);
        }
        return new ReportAssessment(period, ReportStatus.MISSING, deadlines, null, now.isAfter(deadlines.lateUntil()));
    }

    /** True when a submission at {@code submittedAt} must carry a reason. */
    public boolean reasonRequired(ReportPeriod period, Instant submittedAt) {
        ReportStatus status = classify(period, submittedAt);
        return status == ReportStatus.LATE
                || (status == ReportStatus.OVERDUE && calendar.policy().reasonRequiredWhenOverdue());
    }

    /**
     * Field errors for submitting {@code period}'s report at {@code submittedAt} with {@code lateReason}
     * (may be null): not before the period has started, and with a reason when one is required.
     */
    public List<FieldError> checkSubmission(ReportPeriod period, Instant submittedAt, String lateReason) {
        List<FieldError> errors = new ArrayList<>();
        if (submittedAt.isBefore(calendar.opensAt(period))) {
            errors.add(new FieldError("period", "period " + period.label() + " has not started yet"));
            return errors;
        }
        boolean blank = lateReason == null || lateReason.isBlank();
        if (blank && reasonRequired(period, submittedAt)) {
            errors.add(new FieldError("lateReason",
                    "a reason is required for a " + classify(period, submittedAt) + " report"));
        }
        if (!blank && lateReason.codePointCount(0, lateReason.length()) > calendar.policy().maxReasonLength()) {
            errors.add(new FieldError("lateReason",
                    "must be at most " + calendar.policy().maxReasonLength() + " characters"));
        }
        return errors;
    }
}
