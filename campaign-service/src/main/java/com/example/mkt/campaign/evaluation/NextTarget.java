package com.example.mkt.campaign.evaluation;

import java.math.BigDecimal;

/** A suggested target for the branch's next campaign, with what it was derived from. */
public record NextTarget(String branch, BigDecimal actual, BigDecimal currentStarting, BigDecimal currentBudget,
                         BigDecimal suggestedStarting, BigDecimal suggestedBudget) {
}
