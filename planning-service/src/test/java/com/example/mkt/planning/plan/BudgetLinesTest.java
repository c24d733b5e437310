package com.example.mkt.planning.plan;

import static com.example.mkt.planning.plan.PlanFixtures.annualPlan;
import static com.example.mkt.planning.plan.PlanFixtures.withBudget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.mkt.planning.validation.FieldError;
import com.example.mkt.rest.problem.ApiException;

/** Several budget lines: fixed amounts and shares of a sales target, read (400) and checked (422). */
class BudgetLinesTest {

    private final PlanValidator validator = new PlanValidator(PlanPolicy.defaults());

    private static PlanContent content(PlanContent.BudgetData budget) {
        return new PlanContent("南昌分公司2026年度营销计划", null, null,
                new PlanContent.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                List.of(new PlanContent.GoalData("g-sales", "全年销售额1800万元", GoalTerm.SHORT,
                                new PlanContent.TargetData("销售额", "18000000.00", "CNY", LocalDate.of(2026, 12, 31)),
                                null, null),
                        new PlanContent.GoalData("g-new", "新增客户300家", GoalTerm.SHORT,
                                new PlanContent.TargetData("新客户数", "300", "家", LocalDate.of(2026, 6, 30)), null,
                                null)),
                null, null, null, budget, null);
    }

    private static PlanContent.BudgetData lines(String salesTarget, PlanContent.BudgetLineData... lines) {
        return new PlanContent.BudgetData(null, salesTarget, null, "CNY", Arrays.asList(lines));
    }

    private static PlanContent.BudgetLineData line(String id, String amount, String percent, String salesTarget,
            String baseGoalId) {
        return new PlanContent.BudgetLineData(id, "广告费", amount, percent, salesTarget, baseGoalId);
    }

    private static Plan read(PlanContent.BudgetData budget) {
        return content(budget).toDomain("p", PlanKind.ANNUAL, "B-NANCHANG");
    }

    private static List<String> malformed(PlanContent.BudgetData budget) {
        ApiException e = assertThrows(ApiException.class, () -> read(budget));
        assertEquals(400, e.status());
        return e.errors().stream().map(f -> f.field() + ": " + f.message()).toList();
    }

    @Test
    void linesAddUpFixedAmountsAndSharesOfTheirBases() {
        Plan plan = read(lines("10000000.00",
                line("b-ads", null, "3.00", null, "g-sales"),
                line("b-fair", "50000.00", null, null, null),
                line("b-promo", null, "0.5", null, null),
                line("b-own", null, "100", "1234.56", null)));
        BudgetView view = BudgetView.of(plan);
        assertEquals(List.of("540000.00", "50000.00", "50000.00", "1234.56"),
                view.lines().stream().map(BudgetView.Line::computedAmount).toList());
        assertEquals("641234.56", view.total());
        assertEquals("18000000.00", view.lines().get(0).salesTarget());
        assertEquals(List.of(), validator.validate(plan, null));
    }

    @Test
    void sharesRoundHalfUpToTheFen() {
        // 0.01 % of 12,345.00 = 1.2345 -> 1.23; 0.05 % of 12,345.00 = 6.1725 -> 6.17; 0.07 % of 50.00 = 0.035 -> 0.04
        Plan plan = read(lines(null, line(null, null, "0.01", "12345.00", null),
                line(null, null, "0.05", "12345.00", null), line(null, null, "0.07", "50.00", null)));
        assertEquals(List.of("1.23", "6.17", "0.04"),
                BudgetView.of(plan).lines().stream().map(BudgetView.Line::computedAmount).toList());
        assertEquals(new BigDecimal("7.44"), plan.budget().amount());
    }

    @Test
    void eachLineIsExactlyOneOfAmountAndPercentWithABase() {
        assertEquals(List.of("budget.lines[1].percent: give either amount or percent, not both"),
                malformed(lines(null, line(null, "1.00", null, null, null), line(null, "1.00", "5", null, null))));
        assertEquals(List.of("budget.lines[0].amount: give either amount or percent"),
                malformed(lines(null, line(null, null, null, null, null))));
        assertEquals(List.of("budget.lines[0].percent: must be above 0 and at most 100"),
                malformed(lines("100.00", line(null, null, "0", null, null))));
        assertEquals(List.of("budget.lines[0].percent: must be above 0 and at most 100"),
                malformed(lines("100.00", line(null, null, "100.01", null, null))));
        assertEquals(List.of("budget.lines[0].salesTarget: a percentage needs a base: salesTarget, baseGoalId or"
                + " the budget's salesTarget"), malformed(lines(null, line(null, null, "5", null, null))));
        assertEquals(List.of("budget.lines[0].baseGoalId: give either salesTarget or baseGoalId, not both"),
                malformed(lines(null, line(null, null, "5", "100.00", "g-sales"))));
        assertEquals(List.of("budget.lines[0].salesTarget: a fixed amount takes no base"),
                malformed(lines(null, line(null, "5.00", null, "100.00", null))));
        assertEquals(List.of("budget: give either lines, or amount, or salesTarget and percent"),
                malformed(new PlanContent.BudgetData("5.00", null, null, "CNY",
                        List.of(line(null, "1.00", null, null, null)))));
        // 100 % exactly is a percentage still.
        assertEquals("100.00", BudgetView.of(read(lines("100.00", line(null, null, "100", null, null)))).total());
    }

    @Test
    void aBaseGoalMustBeAMoneyGoalOfThePlan() {
        Plan unknown = read(lines(null, line(null, null, "5", null, "g-nowhere")));
        assertEquals(List.of(new FieldError("budget.lines[0].baseGoalId",
                "names no goal of this plan with a target value")), validator.validate(unknown, null));
        assertNull(BudgetView.of(unknown).total());
        Plan customers = read(lines(null, line(null, null, "5", null, "g-new")));
        assertEquals(List.of(new FieldError("budget.lines[0].baseGoalId",
                "names a goal measured in 家, not in [CNY, 元]")), validator.validate(customers, null));
    }

    @Test
    void linesAreCheckedLikeTheSingleBudget() {
        Plan duplicate = read(lines(null, line("b", "1.00", null, null, null), line("b", "2.00", null, null, null)));
        assertEquals(List.of(new FieldError("budget.lines[1].id", "is used by another budget line")),
                validator.validate(duplicate, null));
        // The tasks' costs (900,000.00 in the fixture) must fit the lines' total.
        Plan tight = withBudget(annualPlan(), new Budget.Lines(List.of(
                new BudgetLine("b-1", "广告费", new BigDecimal("500000.00"), null, null, null),
                new BudgetLine("b-2", "促销", null, new BigDecimal("2.00"), new BigDecimal("18000000.00"), null))));
        assertEquals(List.of(new FieldError("tasks", "total cost 900000.00 exceeds the budget 860000.00")),
                validator.validate(tight, null));
        Plan empty = withBudget(annualPlan(), new Budget.Lines(List.of()));
        assertEquals(List.of(new FieldError("budget", "a ANNUAL plan needs a budget"),
                new FieldError("tasks", "total cost 900000.00 exceeds the budget 0.00")).stream()
                .filter(e -> e.field().equals("budget")).toList(),
                validator.validateForSubmission(empty, null).stream().filter(e -> e.field().equals("budget")).toList());
    }

    @Test
    void aSingleBudgetReadsAsOneLine() {
        BudgetView share = BudgetView.of(annualPlan());
        assertEquals("900000.00", share.total());
        assertEquals(1, share.lines().size());
        assertEquals("5.00", share.lines().get(0).percent());
        BudgetView fixed = BudgetView.of(withBudget(annualPlan(), new Budget.Fixed(new BigDecimal("900000"))));
        assertEquals("900000.00", fixed.total());
        assertNull(BudgetView.of(withBudget(annualPlan(), null)));
    }
}
