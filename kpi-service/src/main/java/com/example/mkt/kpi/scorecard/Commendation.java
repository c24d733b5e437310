package com.example.mkt.kpi.scorecard;

/** Praise that adds bonus points (奖励, docs/domain.md#staff-scorecard); needs written evidence from the branch. */
public enum Commendation {
    CUSTOMER_LETTER,
    DEPARTMENT,
    COMPANY,
    MEDIA
}
