package com.example.mkt.planning.report;

import java.util.Objects;

/** One report one staff member owes for one period, with its deadlines; identified by {@link #key()}. */
public record ReportObligation(ReportKey key, String orgUnitCode, ReportDeadlines deadlines) {

    public ReportObligation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(orgUnitCode, "orgUnitCode");
        Objects.requireNonNull(deadlines, "deadlines");
    }

    public String staffId() {
        return key.staffId();
    }

    public ReportPeriod period() {
        return key.period();
    }
}
