package com.example.mkt.campaign.leaderboard;

import java.math.BigDecimal;

/**
 * One place on a ranking.
 *
 * @param rank  competition rank: equal scores share a rank and the next rank skips (1, 1, 3)
 * @param score what was ranked on; null when undefined (e.g. a rate without a target), which ranks last
 * @param tied  whether another entry shares the rank
 */
public record Ranked<T>(int rank, T entry, BigDecimal score, boolean tied) {
}
