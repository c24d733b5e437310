package com.example.mkt.campaign.leaderboard;

/** What a leaderboard ranks on. */
public enum RankingMetric {
    ATTRIBUTED_AMOUNT,
    /** Achievement against the starting target (for salespeople: their share of the branch's). */
    STARTING_RATE,
    /** Achievement against the budget target (for salespeople: their share of the branch's). */
    BUDGET_RATE
}
