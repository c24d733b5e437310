package com.example.mkt.planning.plan;

/**
 * Horizon of a goal: short (1-2 years), medium (3-5 years) and long term (docs/domain.md#plan-content;
 * the business names short and long, and its strategic plans add the medium term).
 */
public enum GoalTerm {
    SHORT,
    MEDIUM,
    LONG
}
