package com.example.mkt.campaign.evaluation;

import java.math.BigDecimal;

/**
 * @param variance    spent - planned (positive: over budget)
 * @param controlRate spent / planned in percent (null when nothing was planned)
 */
public record CostLineResult(String name, BigDecimal planned, BigDecimal spent, BigDecimal variance,
                             BigDecimal controlRate, boolean overBudget) {
}
