package com.example.mkt.planning.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A complete, valid annual plan of the Nanchang branch for 2026, to be bent one field at a time by tests. */
final class PlanFixtures {

    static final PlanPeriod YEAR_2026 = new PlanPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

    private PlanFixtures() {
    }

    static Goal salesGoal() {
        return new Goal("g-sales", "全年销售额1800万元", GoalTerm.SHORT,
                new GoalTarget("销售额", new BigDecimal("18000000.00"), "CNY", LocalDate.of(2026, 12, 31)),
                null, new KpiLink("sales_amount", "2026"));
    }

    static Goal newCustomersGoal() {
        return new Goal("g-new", "上半年新增客户300家", GoalTerm.SHORT,
                new GoalTarget("新客户数", new BigDecimal("300"), "家", LocalDate.of(2026, 6, 30)),
                "g-sales", null);
    }

    static Plan annualPlan() {
        return new Plan("p-2026", PlanKind.ANNUAL, "B-NANCHANG", "南昌分公司2026年度营销计划", YEAR_2026,
                "稳中求进,扎牢根基", null,
                List.of(salesGoal(), newCustomersGoal()),
                List.of(new Measure("建立样板市场"), new Measure("加强客户回访")),
                List.of(new Phase("扎牢根基", new PlanPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
                                List.of(new Milestone("建成4个样板市场", LocalDate.of(2026, 6, 30)))),
                        new Phase("快速发展", new PlanPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)),
                                List.of())),
                List.of(new PlanTask("t-1", "春节促销活动", "s-042", LocalDate.of(2026, 2, 10), new BigDecimal("300000.00")),
                        new PlanTask("t-2", "中秋客户关怀", "s-007", LocalDate.of(2026, 9, 20), new BigDecimal("600000.00"))),
                new Budget.ShareOfSalesTarget(new BigDecimal("18000000.00"), new BigDecimal("5.00")),
                List.of(new Risk("r-1", "竞争对手降价", RiskCategory.MARKET, 3, 4, RiskResponse.REDUCE, "差异化服务"),
                        new Risk("r-2", "汇率波动", RiskCategory.FINANCIAL, 1, 3, RiskResponse.ACCEPT, null)));
    }

    static Plan withGoals(Plan p, List<Goal> goals) {
        return new Plan(p.id(), p.kind(), p.ownerOrgUnit(), p.title(), p.period(), p.guidingPrinciple(),
                p.parentPlanId(), goals, p.measures(), p.phases(), p.tasks(), p.budget(), p.risks());
    }

    static Plan withPhases(Plan p, List<Phase> phases) {
        return new Plan(p.id(), p.kind(), p.ownerOrgUnit(), p.title(), p.period(), p.guidingPrinciple(),
                p.parentPlanId(), p.goals(), p.measures(), phases, p.tasks(), p.budget(), p.risks());
    }

    static Plan withTasks(Plan p, List<PlanTask> tasks) {
        return new Plan(p.id(), p.kind(), p.ownerOrgUnit(), p.title(), p.period(), p.guidingPrinciple(),
                p.parentPlanId(), p.goals(), p.measures(), p.phases(), tasks, p.budget(), p.risks());
    }

    static Plan withBudget(Plan p, Budget budget) {
        return new Plan(p.id(), p.kind(), p.ownerOrgUnit(), p.title(), p.period(), p.guidingPrinciple(),
                p.parentPlanId(), p.goals(), p.measures(), p.phases(), p.tasks(), budget, p.risks());
    }

    static Plan withRisks(Plan p, List<Risk> risks) {
        return new Plan(p.id(), p.kind(), p.ownerOrgUnit(), p.title(), p.period(), p.guidingPrinciple(),
                p.parentPlanId(), p.goals(), p.measures(), p.phases(), p.tasks(), p.budget(), risks);
    }

    static Plan withKindAndPeriod(Plan p, PlanKind kind, PlanPeriod period) {
        return new Plan(p.id(), kind, p.ownerOrgUnit(), p.title(), period, p.guidingPrinciple(),
                p.parentPlanId(), List.of(), p.measures(), List.of(), List.of(), p.budget(), p.risks());
    }
}
