package com.example.mkt.campaign.award;

import java.math.BigDecimal;
import java.util.List;

/** A salesperson who does not enter the individual ranking, and why. */
public record Ineligibility(String salesperson, String branch, BigDecimal sales, List<Reason> reasons) {

    public enum Reason {
        /** Their branch has not reached its starting target ({@code 001:91} "所在市公司完成起始任务目标"). */
        BRANCH_BELOW_STARTING_TARGET,
        /** Their branch has no target in this campaign. */
        BRANCH_NOT_ALLOCATED,
        /** Their own sales are below the minimum ({@code 001:91} "一万元(含)以上"). */
        BELOW_MINIMUM_SALES
    }

    public Ineligibility {
        reasons = List.copyOf(reasons);
    }
}
