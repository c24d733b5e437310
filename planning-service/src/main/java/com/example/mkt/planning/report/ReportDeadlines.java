package com.example.mkt.planning.report;

import java.time.Instant;
import java.util.Objects;

/**
 * When a report is due and until when it is merely late. Both bounds are inclusive: a deadline at T accepts a
 * submission stamped T.
 */
public record ReportDeadlines(Instant due, Instant lateUntil) {

    public ReportDeadlines {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(lateUntil, "lateUntil");
        if (!lateUntil.isAfter(due)) {
            throw new IllegalArgumentException("lateUntil must be after due");
        }
    }
}
