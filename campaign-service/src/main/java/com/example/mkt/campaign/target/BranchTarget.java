package com.example.mkt.campaign.target;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One branch's share of a campaign target ("任务分解表"): the starting target
 * ("起始目标") and the higher budget target ("预算目标"), both in CNY.
 */
public record BranchTarget(String branch, BigDecimal starting, BigDecimal budget) {

    public BranchTarget {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(starting, "starting");
        Objects.requireNonNull(budget, "budget");
    }
}
