package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;

/**
 * One line of a scorecard.
 *
 * @param weight     the item's maximum
 * @param deductions points the rules took, before the floor (kept so a reviewer sees how far below zero it went)
 * @param score      weight − deductions, never below 0 ("扣完为止")
 */
public record ItemScore(BigDecimal weight, BigDecimal deductions, BigDecimal score) {
}
