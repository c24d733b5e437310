package com.example.mkt.planning.plan;

import static com.example.mkt.planning.plan.PlanFixtures.YEAR_2026;
import static com.example.mkt.planning.plan.PlanFixtures.annualPlan;
import static com.example.mkt.planning.plan.PlanFixtures.salesGoal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.mkt.planning.validation.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanValidatorTest {

    private final PlanValidator validator = new PlanValidator(PlanPolicy.defaults());

    private List<FieldError> errors(Plan plan) {
        return validator.validate(plan, null);
    }

    private static FieldError error(String field, String message) {
        return new FieldError(field, message);
    }

    @Test
    void fixtureIsValidAndComplete() {
        assertEquals(List.of(), errors(annualPlan()));
        assertEquals(List.of(), validator.validateForSubmission(annualPlan(), null));
    }

    @Test
    void emptyDraftIsConsistentButNotSubmittable() {
        Plan empty = new Plan("p", PlanKind.ANNUAL, "B-NANCHANG", "草稿", YEAR_2026, null, null, null, null, null,
                null, null, null);
        assertEquals(List.of(), errors(empty));
        assertEquals(List.of(error("goals", "a plan needs at least one goal"),
                error("measures", "a plan needs at least one measure"),
                error("budget", "a ANNUAL plan needs a budget")), validator.validateForSubmission(empty, null));
    }

    @Test
    void monthlyPlanNeedsNoBudget() {
        Plan monthly = new Plan("p", PlanKind.MONTHLY, "T-NANCHANG-1", "五月计划",
                new PlanPeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)), null, null,
                List.of(new Goal("g", "回访200次", GoalTerm.SHORT,
                        new GoalTarget("回访次数", new BigDecimal("200"), "次", LocalDate.of(2026, 5, 31)), null, null)),
                List.of(new Measure("每日回访")), null, null, null, null);
        assertEquals(List.of(), validator.validateForSubmission(monthly, null));
    }

    @Test
    void headerFields() {
        Plan bad = new Plan("p", null, "b-nanchang", " ", null, "方".repeat(4001), null, null, null, null, null,
                null, null);
        assertEquals(List.of(error("kind", "is required"), error("ownerOrgUnit", "must be an org unit code"),
                error("title", "must not be blank"), error("guidingPrinciple", "must be at most 4000 characters"),
                error("period", "is required")), errors(bad));
    }

    @Nested
    class Periods {

        @ParameterizedTest(name = "{0} {1}..{2} valid={3}")
        @CsvSource({
                "ANNUAL, 2026-01-01, 2026-12-31, true",
                "ANNUAL, 2026-01-01, 2027-01-01, false",
                "ANNUAL, 2025-10-01, 2026-09-30, false",
                "QUARTERLY, 2024-01-01, 2024-03-31, true",
                "QUARTERLY, 2026-10-01, 2026-12-31, true",
                "QUARTERLY, 2026-02-01, 2026-04-30, false",
                "MONTHLY, 2024-02-01, 2024-02-29, true",
                "MONTHLY, 2026-02-01, 2026-02-28, true",
                "MONTHLY, 2026-02-01, 2026-03-01, false",
                "MONTHLY, 2024-02-01, 2024-02-28, false",
                "WEEKLY, 2026-05-04, 2026-05-10, true",
                "WEEKLY, 2026-05-03, 2026-05-09, false",
                "WEEKLY, 2026-12-28, 2027-01-03, true",
                "DAILY, 2026-05-08, 2026-05-08, true",
                "DAILY, 2026-05-08, 2026-05-09, false",
                "STRATEGIC, 2025-09-01, 2026-08-31, true", // exactly one year, starting in September
                "STRATEGIC, 2025-09-01, 2026-08-30, false", // one day short
                "STRATEGIC, 2026-01-01, 2035-12-31, true", // exactly ten years
                "STRATEGIC, 2026-01-01, 2036-01-01, false"})
        void kindDecidesThePeriod(PlanKind kind, LocalDate start, LocalDate end, boolean valid) {
            Plan plan = PlanFixtures.withKindAndPeriod(annualPlan(), kind, new PlanPeriod(start, end));
            List<FieldError> errs = errors(plan);
            assertEquals(valid, errs.isEmpty(), errs.toString());
            if (!valid) {
                assertEquals("period", errs.get(0).field());
            }
        }

        @Test
        void periodCannotEndBeforeItStarts() {
            assertThrows(IllegalArgumentException.class,
                    () -> new PlanPeriod(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)));
        }
    }

    @Nested
    class Goals {

        private Goal goal(String id, BigDecimal value, LocalDate due, String parent) {
            return new Goal(id, "目标" + id, GoalTerm.SHORT, new GoalTarget("销售额", value, "CNY", due), parent, null);
        }

        @Test
        void targetMustBePositiveAndDueWithinThePlan() {
            Plan plan = PlanFixtures.withGoals(annualPlan(), List.of(
                    goal("a", BigDecimal.ZERO, LocalDate.of(2026, 12, 31), null),
                    goal("b", new BigDecimal("-1"), LocalDate.of(2027, 1, 1), null),
                    goal("c", new BigDecimal("0.01"), LocalDate.of(2026, 1, 1), null),
                    goal("d", BigDecimal.ONE, LocalDate.of(2025, 12, 31), null)));
            assertEquals(List.of(error("goals[0].target.value", "must be greater than zero"),
                    error("goals[1].target.value", "must be greater than zero"),
                    error("goals[1].target.due", "must lie within the plan period"),
                    error("goals[3].target.due", "must lie within the plan period")), errors(plan));
        }

        @Test
        void missingPartsAreNamed() {
            Plan plan = PlanFixtures.withGoals(annualPlan(), Arrays.asList(
                    null, new Goal(" ", "", null, new GoalTarget(null, null, " ", null), null, new KpiLink("", null))));
            assertEquals(List.of(error("goals[0]", "is required"), error("goals[1].id", "must not be blank"),
                    error("goals[1].title", "must not be blank"), error("goals[1].term", "is required"),
                    error("goals[1].target.metric", "must not be blank"),
                    error("goals[1].target.unit", "must not be blank"),
                    error("goals[1].target.value", "is required"), error("goals[1].target.due", "is required"),
                    error("goals[1].kpiLink.kpiCode", "must not be blank"),
                    error("goals[1].kpiLink.periodKey", "must not be blank")), errors(plan));
        }

        @Test
        void duplicateIds() {
            Plan plan = PlanFixtures.withGoals(annualPlan(), List.of(salesGoal(), salesGoal()));
            assertEquals(List.of(error("goals[1].id", "is used by another goal")), errors(plan));
        }

        @Test
        void unknownParentGoal() {
            Plan plan = PlanFixtures.withGoals(annualPlan(), List.of(goal("a", BigDecimal.ONE,
                    LocalDate.of(2026, 3, 1), "nope")));
            assertEquals(List.of(error("goals[0].parentGoalId", "names no goal of this plan or its parent plan")),
                    errors(plan));
        }

        @Test
        void derivationCycles() {
            LocalDate due = LocalDate.of(2026, 6, 30);
            Plan self = PlanFixtures.withGoals(annualPlan(), List.of(goal("a", BigDecimal.ONE, due, "a")));
            assertEquals(List.of(error("goals[0].parentGoalId", "goals cannot derive from themselves")), errors(self));
            Plan loop = PlanFixtures.withGoals(annualPlan(), List.of(goal("a", BigDecimal.ONE, due, "b"),
                    goal("b", BigDecimal.ONE, due, "c"), goal("c", BigDecimal.ONE, due, "a")));
            assertEquals(3, errors(loop).size());
        }

        @Test
        void derivedGoalCannotBeDueAfterItsParent() {
            Goal late = new Goal("g-new", "新增客户", GoalTerm.SHORT,
                    new GoalTarget("新客户数", new BigDecimal("300"), "家", LocalDate.of(2026, 12, 31)), "g-early", null);
            Goal early = goal("g-early", BigDecimal.TEN, LocalDate.of(2026, 12, 30), null);
            assertEquals(List.of(error("goals[0].target.due",
                    "must not be after the due date of the goal it derives from (2026-12-30)")),
                    errors(PlanFixtures.withGoals(annualPlan(), List.of(late, early))));
            Goal sameDay = goal("g-same", BigDecimal.ONE, LocalDate.of(2026, 12, 30), "g-early");
            assertEquals(List.of(), errors(PlanFixtures.withGoals(annualPlan(), List.of(sameDay, early))));
        }

        @Test
        void goalsDeriveFromTheParentPlan() {
            Plan strategic = new Plan("s-1", PlanKind.STRATEGIC, "HQ", "三年战略",
                    new PlanPeriod(LocalDate.of(2025, 9, 1), LocalDate.of(2028, 8, 31)), null, null,
                    List.of(new Goal("s-g1", "成为区域第一品牌", GoalTerm.LONG,
                            new GoalTarget("市场占有率", new BigDecimal("30"), "%", LocalDate.of(2028, 8, 31)),
                            null, null)), null, null, null, null, null);
            Plan annual = PlanFixtures.withGoals(annualPlan(), List.of(new Goal("a-g1", "市场占有率20%",
                    GoalTerm.SHORT, new GoalTarget("市场占有率", new BigDecimal("20"), "%", LocalDate.of(2026, 12, 31)),
                    "s-g1", null)));
            assertEquals(List.of(), validator.validate(annual, strategic));
            assertEquals(List.of(error("goals[0].parentGoalId", "names no goal of this plan or its parent plan")),
                    validator.validate(annual, null));
        }

        @Test
        void parentPlanMustBeCoarserAndContainThePeriod() {
            Plan monthly = new Plan("m", PlanKind.MONTHLY, "B-NANCHANG", "一月计划",
                    new PlanPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)), null, "p-2026", null, null,
                    null, null, null, null);
            assertEquals(List.of(error("period", "must lie within the parent plan's period 2026-01-01..2026-12-31")),
                    validator.validate(monthly, annualPlan()));
            assertEquals(List.of(error("parentPlanId", "a ANNUAL plan can only break down a coarser plan")),
                    validator.validate(annualPlan(), annualPlan()));
        }
    }

    @Nested
    class Phases {

        private Phase phase(String name, String start, String end, Milestone... milestones) {
            return new Phase(name, new PlanPeriod(LocalDate.parse(start), LocalDate.parse(end)), List.of(milestones));
        }

        @Test
        void adjacentPhasesAreFineOverlapByOneDayIsNot() {
            assertEquals(List.of(), errors(PlanFixtures.withPhases(annualPlan(), List.of(
                    phase("一", "2026-01-01", "2026-06-30"), phase("二", "2026-07-01", "2026-12-31")))));
            assertEquals(List.of(error("phases[0].period", "overlaps phase 一")),
                    errors(PlanFixtures.withPhases(annualPlan(), List.of(
                            phase("二", "2026-06-30", "2026-12-31"), phase("一", "2026-01-01", "2026-06-30")))));
        }

        @Test
        void gapsAreAllowed() {
            assertEquals(List.of(), errors(PlanFixtures.withPhases(annualPlan(), List.of(
                    phase("一", "2026-01-01", "2026-03-31"), phase("二", "2026-05-01", "2026-12-31")))));
        }

        @Test
        void overlapCanBeAllowedByPolicy() {
            PlanPolicy d = PlanPolicy.defaults();
            PlanPolicy overlapping = new PlanPolicy(d.maxTitleLength(), d.maxTextLength(), d.strategicMinYears(),
                    d.strategicMaxYears(), d.maxBudgetSharePercent(), d.taskCostsWithinBudget(), true,
                    d.budgetRequiredFor(), d.progressCapPercent(), d.risks());
            Plan plan = PlanFixtures.withPhases(annualPlan(), List.of(
                    phase("一", "2026-01-01", "2026-08-31"), phase("二", "2026-07-01", "2026-12-31")));
            assertEquals(List.of(), new PlanValidator(overlapping).validate(plan, null));
        }

        @Test
        void phasesAndMilestonesStayInside() {
            Plan plan = PlanFixtures.withPhases(annualPlan(), List.of(
                    phase("一", "2025-12-31", "2026-06-30", new Milestone("年初", LocalDate.of(2025, 12, 31))),
                    phase("二", "2026-07-01", "2026-12-31", new Milestone("", LocalDate.of(2026, 6, 30)),
                            new Milestone("年底", LocalDate.of(2026, 12, 31)))));
            assertEquals(List.of(error("phases[0].period", "must lie within the plan period"),
                    error("phases[1].milestones[0].name", "must not be blank"),
                    error("phases[1].milestones[0].due", "must lie within its phase")), errors(plan));
        }
    }

    @Nested
    class TasksAndBudget {

        private PlanTask task(String id, String cost, String due) {
            return new PlanTask(id, "任务" + id, "s-1", LocalDate.parse(due), cost == null ? null : new BigDecimal(cost));
        }

        @Test
        void budgetShareOfSalesTarget() {
            assertEquals(0, new BigDecimal("900000.00").compareTo(
                    new Budget.ShareOfSalesTarget(new BigDecimal("18000000.00"), new BigDecimal("5")).amount()));
            // 0.50 x 1 % = 0.005 -> 0.01 (HALF_UP)
            assertEquals(new BigDecimal("0.01"),
                    new Budget.ShareOfSalesTarget(new BigDecimal("0.50"), BigDecimal.ONE).amount());
            // 0.40 x 1 % = 0.004 -> 0.00
            assertEquals(new BigDecimal("0.00"),
                    new Budget.ShareOfSalesTarget(new BigDecimal("0.40"), BigDecimal.ONE).amount());
        }

        @Test
        void tasksMayUseTheWholeBudgetButNotOneCentMore() {
            // The fixture's tasks cost 900,000.00 = 5 % of 18,000,000.00 exactly.
            assertEquals(List.of(), errors(annualPlan()));
            Plan over = PlanFixtures.withTasks(annualPlan(), List.of(task("a", "900000.01", "2026-03-01")));
            assertEquals(List.of(error("tasks", "total cost 900000.01 exceeds the budget 900000.00")), errors(over));
        }

        @Test
        void taskFields() {
            Plan plan = PlanFixtures.withTasks(annualPlan(), List.of(
                    task("a", "-0.01", "2026-03-01"), task("a", "1.001", "2027-01-01"),
                    new PlanTask("c", " ", null, null, null), task("d", null, "2026-12-31")));
            assertEquals(List.of(error("tasks[0].cost", "must not be negative"),
                    error("tasks[1].id", "is used by another task"),
                    error("tasks[1].due", "must lie within the plan period"),
                    error("tasks[1].cost", "must have at most 2 decimals"),
                    error("tasks[2].what", "must not be blank"), error("tasks[2].ownerStaffId", "must not be blank"),
                    error("tasks[2].due", "is required")), errors(plan));
        }

        @Test
        void fixedBudget() {
            assertEquals(List.of(), errors(PlanFixtures.withBudget(annualPlan(), new Budget.Fixed(new BigDecimal("900000")))));
            assertEquals(List.of(error("tasks", "total cost 900000.00 exceeds the budget 899999.99")),
                    errors(PlanFixtures.withBudget(annualPlan(), new Budget.Fixed(new BigDecimal("899999.99")))));
            assertEquals(List.of(error("budget.amount", "must not be negative")),
                    errors(PlanFixtures.withBudget(annualPlan(), new Budget.Fixed(new BigDecimal("-1")))));
        }

        @ParameterizedTest(name = "{0} % valid={1}")
        @CsvSource({"0, false", "0.01, true", "100, true", "100.00, true", "100.01, false", "-5, false",
                "5.001, false", "5.000, true"})
        void sharePercentBounds(BigDecimal percent, boolean valid) {
            Plan plan = PlanFixtures.withTasks(PlanFixtures.withBudget(annualPlan(),
                    new Budget.ShareOfSalesTarget(new BigDecimal("18000000.00"), percent)), List.of());
            assertEquals(valid, errors(plan).isEmpty(), errors(plan).toString());
        }

        @Test
        void salesTargetMustBePositive() {
            Plan plan = PlanFixtures.withTasks(PlanFixtures.withBudget(annualPlan(),
                    new Budget.ShareOfSalesTarget(new BigDecimal("0.00"), BigDecimal.ONE)), List.of());
            assertEquals(List.of(error("budget.salesTarget", "must be greater than zero")), errors(plan));
        }

        @Test
        void invalidBudgetSkipsTheCostCheck() {
            Plan plan = PlanFixtures.withBudget(annualPlan(), new Budget.Fixed(new BigDecimal("-1")));
            assertTrue(errors(plan).stream().noneMatch(e -> e.field().equals("tasks")));
        }

        @Test
        void costCheckCanBeSwitchedOff() {
            PlanPolicy d = PlanPolicy.defaults();
            PlanPolicy lenient = new PlanPolicy(d.maxTitleLength(), d.maxTextLength(), d.strategicMinYears(),
                    d.strategicMaxYears(), d.maxBudgetSharePercent(), false, d.phasesMayOverlap(),
                    EnumSet.noneOf(PlanKind.class), d.progressCapPercent(), d.risks());
            Plan over = PlanFixtures.withTasks(annualPlan(), List.of(task("a", "1000000.00", "2026-03-01")));
            assertEquals(List.of(), new PlanValidator(lenient).validate(over, null));
        }
    }

    @Nested
    class Risks {

        private Risk risk(int likelihood, int impact, RiskResponse response, String mitigation) {
            return new Risk("r", "风险", RiskCategory.MARKET, likelihood, impact, response, mitigation);
        }

        @Test
        void mediumRiskMayBeAccepted() {
            assertEquals(List.of(), errors(PlanFixtures.withRisks(annualPlan(),
                    List.of(risk(3, 3, RiskResponse.ACCEPT, null)))));
        }

        @Test
        void highRiskMayNotBeAccepted() {
            assertEquals(List.of(error("risks[0].response", "a HIGH risk (score 10) must be avoided, reduced or transferred")),
                    errors(PlanFixtures.withRisks(annualPlan(), List.of(risk(2, 5, RiskResponse.ACCEPT, null)))));
        }

        @Test
        void ratingsOutOfRange() {
            assertEquals(List.of(error("risks[0].likelihood", "must be between 1 and 5"),
                    error("risks[0].impact", "must be between 1 and 5")),
                    errors(PlanFixtures.withRisks(annualPlan(), List.of(risk(0, 6, RiskResponse.ACCEPT, null)))));
        }

        @Test
        void activeResponsesNeedAMitigation() {
            assertEquals(List.of(error("risks[0].mitigation", "must not be blank")),
                    errors(PlanFixtures.withRisks(annualPlan(), List.of(risk(1, 1, RiskResponse.TRANSFER, " ")))));
        }

        @Test
        void duplicateAndMissing() {
            Risk r = risk(1, 1, RiskResponse.AVOID, "放弃该渠道");
            Risk blank = new Risk("r2", "", null, 1, 1, null, null);
            assertEquals(List.of(error("risks[1].id", "is used by another risk"),
                    error("risks[2].description", "must not be blank"), error("risks[2].category", "is required"),
                    error("risks[2].response", "is required")),
                    errors(PlanFixtures.withRisks(annualPlan(), List.of(r, r, blank))));
        }
    }
}
