package com.example.mkt.planning.report;

/** The periodic reports of {@code 004:925-939}: the weekly plan + summary and the monthly report. */
public enum ReportKind {
    WEEKLY,
    MONTHLY
}
