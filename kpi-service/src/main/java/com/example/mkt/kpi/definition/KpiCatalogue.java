package com.example.mkt.kpi.definition;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KPIs the service knows, by code. {@link #standard()} is the list of docs/domain.md#kpi-definitions.
 */
public final class KpiCatalogue {

    public static final String SALES_AMOUNT = "SALES_AMOUNT";
    public static final String TARGET_ACHIEVEMENT_RATE = "TARGET_ACHIEVEMENT_RATE";
    public static final String NEW_CUSTOMERS = "NEW_CUSTOMERS";
    public static final String FOLLOW_UP_COMPLETION_RATE = "FOLLOW_UP_COMPLETION_RATE";
    public static final String COMPLAINT_ON_TIME_RATE = "COMPLAINT_ON_TIME_RATE";
    public static final String SATISFACTION_RATE = "SATISFACTION_RATE";
    public static final String CHURN_RATE = "CHURN_RATE";
    public static final String CAMPAIGN_ROI = "CAMPAIGN_ROI";
    public static final String EXPENSE_CONTROL_RATE = "EXPENSE_CONTROL_RATE";
    public static final String REPORT_ON_TIME_RATE = "REPORT_ON_TIME_RATE";

    private final Map<String, KpiDefinition> byCode;

    public KpiCatalogue(Collection<KpiDefinition> definitions) {
        Map<String, KpiDefinition> map = new LinkedHashMap<>();
        for (KpiDefinition d : definitions) {
            if (map.put(d.code(), d) != null) {
                throw new IllegalArgumentException("duplicate KPI code: " + d.code());
            }
        }
        for (KpiDefinition d : map.values()) {
            if (d.isDerivedFromTarget()) {
                KpiDefinition base = map.get(d.achievementOf());
                if (base == null || base.aggregation() != Aggregation.SUM) {
                    throw new IllegalArgumentException(d.code() + ": achievement needs a SUM KPI, not " + d.achievementOf());
                }
            }
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    public static KpiCatalogue standard() {
        return new KpiCatalogue(List.of(
                KpiDefinition.sum(SALES_AMOUNT, "销售额", KpiUnit.MONEY, Direction.HIGHER_IS_BETTER,
                        "sales minus refunds (CNY)"),
                KpiDefinition.achievement(TARGET_ACHIEVEMENT_RATE, "目标达成率", SALES_AMOUNT),
                KpiDefinition.sum(NEW_CUSTOMERS, "新增客户数", KpiUnit.COUNT, Direction.HIGHER_IS_BETTER,
                        "customers acquired"),
                KpiDefinition.ratio(FOLLOW_UP_COMPLETION_RATE, "回访完成率", Direction.HIGHER_IS_BETTER,
                        "follow-ups completed by their deadline", "follow-ups due"),
                KpiDefinition.ratio(COMPLAINT_ON_TIME_RATE, "投诉按时解决率", Direction.HIGHER_IS_BETTER,
                        "complaints resolved within their SLA", "complaints resolved"),
                KpiDefinition.ratio(SATISFACTION_RATE, "客户满意度", Direction.HIGHER_IS_BETTER,
                        "satisfied responses", "survey responses"),
                KpiDefinition.ratio(CHURN_RATE, "客户流失率", Direction.LOWER_IS_BETTER,
                        "customers lost (moved to churned)",
                        "customers whose fate was decided (lost, or kept from at-risk)"),
                KpiDefinition.ratio(CAMPAIGN_ROI, "活动投资回报率", Direction.HIGHER_IS_BETTER,
                        "campaign revenue minus cost (CNY)", "campaign cost (CNY)"),
                KpiDefinition.ratio(EXPENSE_CONTROL_RATE, "费用控制率", Direction.LOWER_IS_BETTER,
                        "expenses spent (CNY)", "expense budget (CNY)"),
                KpiDefinition.ratio(REPORT_ON_TIME_RATE, "报告按时提交率", Direction.HIGHER_IS_BETTER,
                        "weekly and monthly reports handed in by their deadline", "reports due")));
    }

    public Optional<KpiDefinition> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public KpiDefinition require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown KPI: " + code));
    }

    public Collection<KpiDefinition> all() {
        return byCode.values();
    }
}
