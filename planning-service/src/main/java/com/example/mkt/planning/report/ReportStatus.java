package com.example.mkt.planning.report;

/**
 * Timeliness of one report obligation (docs/domain.md#periodic-reports).
 * ON_TIME, LATE and OVERDUE describe a submission; NOT_DUE and MISSING describe its absence.
 */
public enum ReportStatus {
    /** Nothing submitted and the deadline has not passed. */
    NOT_DUE,
    /** Submitted at or before the deadline. */
    ON_TIME,
    /** Submitted after the deadline but within the late window; carries a reason. */
    LATE,
    /** Submitted after the late window closed. */
    OVERDUE,
    /** Nothing submitted although the deadline has passed. */
    MISSING;

    /** The statuses the KPI side counts against the author once they are final. */
    public boolean isDelinquent() {
        return this == LATE || this == OVERDUE || this == MISSING;
    }
}
