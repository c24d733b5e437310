package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;

/**
 * An award earned over the rolling window.
 *
 * @param staffId      who
 * @param rank         competition rank (ties share)
 * @param averageScore mean monthly final score over the window, 2 decimals
 * @param amount       CNY, 2 decimals
 */
public record Award(String staffId, int rank, BigDecimal averageScore, BigDecimal amount) {
}
