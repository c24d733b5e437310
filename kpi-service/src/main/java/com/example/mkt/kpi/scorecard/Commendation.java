package com.example.mkt.kpi.scorecard;

/** Praise that adds bonus points ({@code 003:1644} 奖励); needs written evidence from the branch. */
public enum Commendation {
    CUSTOMER_LETTER,
    DEPARTMENT,
    COMPANY,
    MEDIA
}
