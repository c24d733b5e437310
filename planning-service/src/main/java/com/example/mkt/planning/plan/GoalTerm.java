package com.example.mkt.planning.plan;

/**
 * Horizon of a goal: short (1-2 years), medium (3-5 years) and long term ({@code 003:3203-3207}; DOMAIN.md §4
 * names short and long, the seed adds the medium term).
 */
public enum GoalTerm {
    SHORT,
    MEDIUM,
    LONG
}
