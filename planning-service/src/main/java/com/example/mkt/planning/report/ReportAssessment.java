package com.example.mkt.planning.report;

import java.time.Instant;
import java.util.Objects;

/**
 * The status of one report at one instant, with the deadlines it was judged against.
 *
 * @param submittedAt {@code null} when nothing was submitted
 * @param isFinal     the status can no longer change: a submission exists, or the late window has closed without
 *                    one. Only final delinquent statuses should be sent to KPIs, so a report still missing on
 *                    Saturday is not counted before the author had the chance to submit it late on Monday.
 */
public record ReportAssessment(ReportPeriod period, ReportStatus status, ReportDeadlines deadlines,
        Instant submittedAt, boolean isFinal) {

    public ReportAssessment {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(deadlines, "deadlines");
    }

    public boolean isSubmitted() {
        return submittedAt != null;
    }
}
