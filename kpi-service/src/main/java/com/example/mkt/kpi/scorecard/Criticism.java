package com.example.mkt.kpi.scorecard;

/** Criticism that costs penalty points (处罚, docs/domain.md#staff-scorecard). */
public enum Criticism {
    DEPARTMENT,
    COMPANY,
    MEDIA
}
