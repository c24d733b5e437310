package com.example.mkt.campaign;

import com.example.mkt.campaign.target.BranchTarget;
import com.example.mkt.campaign.target.TargetAllocation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The 2018 "保游无忧,同行天下" campaign's task breakdown (in 10k CNY): 11 branches,
 * starting targets summing to 150 and budget targets to 200.
 */
public final class SeedCampaign {

    public static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

    public static final List<BranchTarget> BRANCH_TARGETS = List.of(
            target("B-NANCHANG", 18, 23),      // 南昌
            target("B-JINGDEZHEN", 9, 13),     // 景德镇
            target("B-PINGXIANG", 9, 13),      // 萍乡
            target("B-JIUJIANG", 15, 20),      // 九江
            target("B-XINYU", 9, 13),          // 新余
            target("B-YINGTAN", 9, 13),        // 鹰潭
            target("B-GANZHOU", 18, 23),       // 赣州
            target("B-YICHUN", 18, 23),        // 宜春
            target("B-JIAN", 15, 20),          // 吉安
            target("B-SHANGRAO", 15, 20),      // 上饶
            target("B-FUZHOU", 15, 19));       // 抚州

    public static final BigDecimal STARTING_TOTAL = new BigDecimal("1500000.00");
    public static final BigDecimal BUDGET_TOTAL = new BigDecimal("2000000.00");

    private SeedCampaign() {
    }

    public static TargetAllocation allocation() {
        return new TargetAllocation(BRANCH_TARGETS, STARTING_TOTAL, BUDGET_TOTAL);
    }

    private static BranchTarget target(String branch, int starting10k, int budget10k) {
        return new BranchTarget(branch, TEN_THOUSAND.multiply(BigDecimal.valueOf(starting10k)).setScale(2),
                TEN_THOUSAND.multiply(BigDecimal.valueOf(budget10k)).setScale(2));
    }
}
