package com.example.mkt.planning.report;

/** The periodic reports (docs/domain.md#periodic-reports): the weekly plan + summary and the monthly report. */
public enum ReportKind {
    WEEKLY,
    MONTHLY
}
