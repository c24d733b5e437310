package com.example.mkt.kpi.scorecard;

/** Criticism that costs penalty points ({@code 003:1646} 处罚). */
public enum Criticism {
    DEPARTMENT,
    COMPANY,
    MEDIA
}
