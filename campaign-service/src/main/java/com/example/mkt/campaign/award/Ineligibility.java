package com.example.mkt.campaign.award;

import java.math.BigDecimal;
import java.util.List;

/**
 * A subject that does not enter an award's ranking, and why (one reason per condition it failed).
 *
 * @param salesperson null for a branch
 */
public record Ineligibility(String salesperson, String branch, BigDecimal sales, List<Reason> reasons) {

    public enum Reason {
        /** Their branch has not reached its starting target ("所在市公司完成起始任务目标"). */
        BRANCH_BELOW_STARTING_TARGET,
        /** Their branch has not reached its budget target. */
        BRANCH_BELOW_BUDGET_TARGET,
        /** Their branch has no target in this campaign. */
        BRANCH_NOT_ALLOCATED,
        /** Their own sales are below the minimum ("一万元(含)以上"). */
        BELOW_MINIMUM_SALES,
        /** Their own sales fail another comparison (e.g. a maximum). */
        OWN_SALES_CONDITION_NOT_MET,
        /** The branch's sales fail the condition. */
        BRANCH_AMOUNT_CONDITION_NOT_MET,
        /** The branch's sales as a percentage of its starting target fail the condition. */
        BRANCH_PCT_OF_STARTING_NOT_MET,
        /** The branch's sales as a percentage of its budget target fail the condition. */
        BRANCH_PCT_OF_BUDGET_NOT_MET
    }

    public Ineligibility {
        reasons = List.copyOf(reasons);
    }
}
