package com.example.mkt.planning.plan;

import com.example.mkt.planning.org.OrgUnit;
import com.example.mkt.planning.validation.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks plan content and names each problem by field path ({@code goals[1].target.due}), so a draft can be
 * saved incomplete but never inconsistent ({@link #validate}), and is complete before it goes to review
 * ({@link #validateForSubmission}).
 */
public final class PlanValidator {

    private final PlanPolicy policy;

    public PlanValidator(PlanPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Consistency of what is there.
     *
     * @param parentPlan the plan named by {@code plan.parentPlanId()}, needed to resolve goals derived from it; may
     *                   be null when there is none
     */
    public List<FieldError> validate(Plan plan, Plan parentPlan) {
        return validate(plan, parentPlan, Map.of());
    }

    /**
     * @param goalSources the plans named by goals' {@code parentPlanId} (other than the parent plan), by id; a
     *                    goal naming a plan missing here derives from nothing
     */
    public List<FieldError> validate(Plan plan, Plan parentPlan, Map<String, Plan> goalSources) {
        List<FieldError> errors = new ArrayList<>();
        required(errors, "kind", plan.kind());
        if (!OrgUnit.isValidCode(plan.ownerOrgUnit())) {
            errors.add(new FieldError("ownerOrgUnit", "must be an org unit code"));
        }
        title(errors, "title", plan.title());
        text(errors, "guidingPrinciple", plan.guidingPrinciple(), false);
        if (required(errors, "period", plan.period()) && plan.kind() != null) {
            PlanPeriodRules.problem(plan.kind(), plan.period(), policy)
                    .ifPresent(p -> errors.add(new FieldError("period", p)));
        }
        checkParentPlan(errors, plan, parentPlan);
        new GoalChecks(errors, plan, parentPlan, goalSources).run();
        for (int i = 0; i < plan.measures().size(); i++) {
            Measure m = plan.measures().get(i);
            if (required(errors, "measures[" + i + "]", m)) {
                text(errors, "measures[" + i + "].description", m.description(), true);
            }
        }
        checkPhases(errors, plan);
        boolean budgetUsable = checkBudget(errors, plan);
        checkTasks(errors, plan, budgetUsable);
        checkRisks(errors, plan);
        return errors;
    }

    /** {@link #validate} plus what a plan needs before review: goals, measures and, for some kinds, a budget. */
    public List<FieldError> validateForSubmission(Plan plan, Plan parentPlan) {
        return validateForSubmission(plan, parentPlan, Map.of());
    }

    public List<FieldError> validateForSubmission(Plan plan, Plan parentPlan, Map<String, Plan> goalSources) {
        List<FieldError> errors = validate(plan, parentPlan, goalSources);
        if (plan.goals().isEmpty()) {
            errors.add(new FieldError("goals", "a plan needs at least one goal"));
        }
        if (plan.measures().isEmpty()) {
            errors.add(new FieldError("measures", "a plan needs at least one measure"));
        }
        boolean noBudget = plan.budget() == null
                || plan.budget() instanceof Budget.Lines lines && lines.lines().isEmpty();
        if (noBudget && plan.kind() != null && policy.budgetRequiredFor().contains(plan.kind())) {
            errors.add(new FieldError("budget", "a " + plan.kind() + " plan needs a budget"));
        }
        return errors;
    }

    private void checkParentPlan(List<FieldError> errors, Plan plan, Plan parent) {
        if (parent == null || plan.kind() == null || plan.period() == null) {
            return;
        }
        if (parent.kind() == null || !parent.kind().isCoarserThan(plan.kind())) {
            errors.add(new FieldError("parentPlanId", "a " + plan.kind() + " plan can only break down a coarser plan"));
        }
        if (parent.period() != null && !parent.period().contains(plan.period())) {
            errors.add(new FieldError("period", "must lie within the parent plan's period "
                    + parent.period().start() + ".." + parent.period().end()));
        }
    }

    /** Goals: measurable and dated, derived without cycles (docs/domain.md#plan-content). */
    private final class GoalChecks {

        private final List<FieldError> errors;
        private final Plan plan;
        private final Map<String, Goal> own = new HashMap<>();
        private final Map<String, Goal> parents = new HashMap<>();
        private final Map<String, Plan> sources;

        GoalChecks(List<FieldError> errors, Plan plan, Plan parentPlan, Map<String, Plan> sources) {
            this.errors = errors;
            this.plan = plan;
            this.sources = sources;
            if (parentPlan != null) {
                parentPlan.goals().stream().filter(g -> g != null && g.id() != null).forEach(g -> parents.put(g.id(), g));
            }
        }

        void run() {
            List<Goal> goals = plan.goals();
            for (int i = 0; i < goals.size(); i++) {
                String f = "goals[" + i + "]";
                Goal g = goals.get(i);
                if (!required(errors, f, g)) {
                    continue;
                }
                if (title(errors, f + ".id", g.id()) && own.putIfAbsent(g.id(), g) != null) {
                    errors.add(new FieldError(f + ".id", "is used by another goal"));
                }
                title(errors, f + ".title", g.title());
                required(errors, f + ".term", g.term());
                target(f + ".target", g.target());
                if (g.kpiLink() != null) {
                    title(errors, f + ".kpiLink.kpiCode", g.kpiLink().kpiCode());
                    title(errors, f + ".kpiLink.periodKey", g.kpiLink().periodKey());
                }
            }
            for (int i = 0; i < goals.size(); i++) {
                Goal g = goals.get(i);
                if (g != null && g.parentGoalId() != null) {
                    parent(i, g);
                }
            }
        }

        private void target(String f, GoalTarget t) {
            if (!required(errors, f, t)) {
                return;
            }
            title(errors, f + ".metric", t.metric());
            title(errors, f + ".unit", t.unit());
            if (required(errors, f + ".value", t.value()) && t.value().signum() <= 0) {
                errors.add(new FieldError(f + ".value", "must be greater than zero"));
            }
            if (required(errors, f + ".due", t.due()) && plan.period() != null && !plan.period().contains(t.due())) {
                errors.add(new FieldError(f + ".due", "must lie within the plan period"));
            }
        }

        private void parent(int index, Goal goal) {
            String f = "goals[" + index + "].parentGoalId";
            Goal parent;
            if (goal.parentPlanId() != null && !goal.parentPlanId().equals(plan.id())
                    && !goal.parentPlanId().equals(plan.parentPlanId())) {
                Plan source = sources.get(goal.parentPlanId());
                if (source == null) {
                    errors.add(new FieldError("goals[" + index + "].parentPlanId", "names no plan"));
                    return;
                }
                parent = source.goals().stream().filter(g -> g != null && goal.parentGoalId().equals(g.id()))
                        .findFirst().orElse(null);
                if (parent == null) {
                    errors.add(new FieldError(f, "names no goal of plan " + goal.parentPlanId()));
                    return;
                }
            } else {
                parent = goal.parentPlanId() != null && goal.parentPlanId().equals(plan.parentPlanId())
                        ? parents.get(goal.parentGoalId()) : own.get(goal.parentGoalId());
                if (parent == null && goal.parentPlanId() == null) {
                    parent = parents.get(goal.parentGoalId());
                }
            }
            if (parent == null) {
                errors.add(new FieldError(f, "names no goal of this plan or its parent plan"));
                return;
            }
            if (derivesFromItself(goal)) {
                errors.add(new FieldError(f, "goals cannot derive from themselves"));
                return;
            }
            if (goal.target() != null && goal.target().due() != null && parent.target() != null
                    && parent.target().due() != null && goal.target().due().isAfter(parent.target().due())) {
                errors.add(new FieldError("goals[" + index + "].target.due",
                        "must not be after the due date of the goal it derives from (" + parent.target().due() + ")"));
            }
        }

        private boolean derivesFromItself(Goal goal) {
            Set<String> seen = new HashSet<>();
            Goal current = goal;
            while (current != null && current.parentGoalId() != null && isOwnParent(current)) {
                if (!seen.add(current.id())) {
                    return true;
                }
                if (current.parentGoalId().equals(goal.id())) {
                    return true;
                }
                current = own.get(current.parentGoalId());
            }
            return false;
        }
    }

    /** True when the goal derives from a goal of its own plan (not the parent plan's or another plan's). */
    private static boolean isOwnParent(Goal goal) {
        return goal.parentPlanId() == null;
    }

    private void checkPhases(List<FieldError> errors, Plan plan) {
        List<Integer> dated = new ArrayList<>();
        for (int i = 0; i < plan.phases().size(); i++) {
            String f = "phases[" + i + "]";
            Phase p = plan.phases().get(i);
            if (!required(errors, f, p)) {
                continue;
            }
            title(errors, f + ".name", p.name());
            if (!required(errors, f + ".period", p.period())) {
                continue;
            }
            dated.add(i);
            if (plan.period() != null && !plan.period().contains(p.period())) {
                errors.add(new FieldError(f + ".period", "must lie within the plan period"));
            }
            for (int j = 0; j < p.milestones().size(); j++) {
                String mf = f + ".milestones[" + j + "]";
                Milestone m = p.milestones().get(j);
                if (!required(errors, mf, m)) {
                    continue;
                }
                title(errors, mf + ".name", m.name());
                if (required(errors, mf + ".due", m.due()) && !p.period().contains(m.due())) {
                    errors.add(new FieldError(mf + ".due", "must lie within its phase"));
                }
            }
        }
        if (policy.phasesMayOverlap()) {
            return;
        }
        dated.sort(Comparator.comparing((Integer i) -> plan.phases().get(i).period().start()).thenComparing(i -> i));
        for (int k = 1; k < dated.size(); k++) {
            Phase before = plan.phases().get(dated.get(k - 1));
            Phase after = plan.phases().get(dated.get(k));
            if (before.period().overlaps(after.period())) {
                errors.add(new FieldError("phases[" + dated.get(k) + "].period",
                        "overlaps phase " + before.name()));
            }
        }
    }

    private void checkTasks(List<FieldError> errors, Plan plan, boolean budgetUsable) {
        Set<String> ids = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < plan.tasks().size(); i++) {
            String f = "tasks[" + i + "]";
            PlanTask t = plan.tasks().get(i);
            if (!required(errors, f, t)) {
                continue;
            }
            if (title(errors, f + ".id", t.id()) && !ids.add(t.id())) {
                errors.add(new FieldError(f + ".id", "is used by another task"));
            }
            text(errors, f + ".what", t.what(), true);
            title(errors, f + ".ownerStaffId", t.ownerStaffId());
            if (required(errors, f + ".due", t.due()) && plan.period() != null && !plan.period().contains(t.due())) {
                errors.add(new FieldError(f + ".due", "must lie within the plan period"));
            }
            if (t.cost() != null && money(errors, f + ".cost", t.cost())) {
                total = total.add(t.cost());
            }
        }
        if (policy.taskCostsWithinBudget() && plan.budget() != null && budgetUsable
                && total.compareTo(plan.budget().amount()) > 0) {
            errors.add(new FieldError("tasks", "total cost " + total.setScale(2) + " exceeds the budget "
                    + plan.budget().amount().setScale(2)));
        }
    }

    /** True when there is a budget and its amount can be computed. */
    private boolean checkBudget(List<FieldError> errors, Plan plan) {
        Budget b = plan.budget();
        int before = errors.size();
        if (b instanceof Budget.Lines lines) {
            checkLines(errors, plan, lines);
        } else if (b instanceof Budget.Fixed fixed) {
            if (required(errors, "budget.amount", fixed.amount())) {
                money(errors, "budget.amount", fixed.amount());
            }
        } else if (b instanceof Budget.ShareOfSalesTarget share) {
            if (required(errors, "budget.salesTarget", share.salesTarget())
                    && money(errors, "budget.salesTarget", share.salesTarget()) && share.salesTarget().signum() == 0) {
                errors.add(new FieldError("budget.salesTarget", "must be greater than zero"));
            }
            if (required(errors, "budget.percent", share.percent())) {
                if (share.percent().signum() <= 0 || share.percent().compareTo(policy.maxBudgetSharePercent()) > 0) {
                    errors.add(new FieldError("budget.percent",
                            "must be above 0 and at most " + policy.maxBudgetSharePercent()));
                } else if (share.percent().stripTrailingZeros().scale() > 2) {
                    errors.add(new FieldError("budget.percent", "must have at most 2 decimals"));
                }
            }
        }
        return b != null && errors.size() == before;
    }

    private void checkLines(List<FieldError> errors, Plan plan, Budget.Lines lines) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.lines().size(); i++) {
            String f = "budget.lines[" + i + "]";
            BudgetLine line = lines.lines().get(i);
            if (!required(errors, f, line)) {
                continue;
            }
            if (line.id() != null && (title(errors, f + ".id", line.id()) && !ids.add(line.id()))) {
                errors.add(new FieldError(f + ".id", "is used by another budget line"));
            }
            title(errors, f + ".item", line.item());
            if (!line.isShare()) {
                money(errors, f + ".amount", line.amount());
                continue;
            }
            if (line.percent().compareTo(policy.maxBudgetSharePercent()) > 0) {
                errors.add(new FieldError(f + ".percent", "must be at most " + policy.maxBudgetSharePercent()));
            }
            if (line.baseGoalId() != null) {
                Goal base = plan.goals().stream().filter(g -> g != null && line.baseGoalId().equals(g.id()))
                        .findFirst().orElse(null);
                if (base == null || base.target() == null || base.target().value() == null) {
                    errors.add(new FieldError(f + ".baseGoalId", "names no goal of this plan with a target value"));
                } else if (base.target().unit() == null || !policy.budgetBaseUnits().contains(base.target().unit())) {
                    errors.add(new FieldError(f + ".baseGoalId", "names a goal measured in " + base.target().unit()
                            + ", not in " + policy.budgetBaseUnits().stream().sorted().toList()));
                }
            } else if (line.base() != null && money(errors, f + ".salesTarget", line.base())
                    && line.base().signum() == 0) {
                errors.add(new FieldError(f + ".salesTarget", "must be greater than zero"));
            }
        }
    }

    private void checkRisks(List<FieldError> errors, Plan plan) {
        RiskPolicy rp = policy.risks();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < plan.risks().size(); i++) {
            String f = "risks[" + i + "]";
            Risk r = plan.risks().get(i);
            if (!required(errors, f, r)) {
                continue;
            }
            if (title(errors, f + ".id", r.id()) && !ids.add(r.id())) {
                errors.add(new FieldError(f + ".id", "is used by another risk"));
            }
            text(errors, f + ".description", r.description(), true);
            required(errors, f + ".category", r.category());
            boolean rated = rating(errors, f + ".likelihood", r.likelihood()) & rating(errors, f + ".impact", r.impact());
            if (!required(errors, f + ".response", r.response())) {
                continue;
            }
            if (r.response() == RiskResponse.ACCEPT) {
                if (rated && !rp.mayAccept(r)) {
                    errors.add(new FieldError(f + ".response", "a " + rp.level(r) + " risk (score " + r.score()
                            + ") must be avoided, reduced or transferred"));
                }
                text(errors, f + ".mitigation", r.mitigation(), false);
            } else {
                text(errors, f + ".mitigation", r.mitigation(), true);
            }
        }
    }

    private static boolean rating(List<FieldError> errors, String field, int value) {
        if (value < RiskPolicy.MIN_RATING || value > RiskPolicy.MAX_RATING) {
            errors.add(new FieldError(field, "must be between " + RiskPolicy.MIN_RATING + " and " + RiskPolicy.MAX_RATING));
            return false;
        }
        return true;
    }

    /** CNY: not negative, at most 2 decimals. */
    private static boolean money(List<FieldError> errors, String field, BigDecimal amount) {
        if (amount.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
            return false;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "must have at most 2 decimals"));
            return false;
        }
        return true;
    }

    private static boolean required(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        return true;
    }

    /** Required, non-blank, at most {@code maxTitleLength}; true when usable. */
    private boolean title(List<FieldError> errors, String field, String value) {
        return text(errors, field, value, true, policy.maxTitleLength());
    }

    private boolean text(List<FieldError> errors, String field, String value, boolean mandatory) {
        return text(errors, field, value, mandatory, policy.maxTextLength());
    }

    private static boolean text(List<FieldError> errors, String field, String value, boolean mandatory, int max) {
        if (value == null || value.isBlank()) {
            if (mandatory) {
                errors.add(new FieldError(field, "must not be blank"));
            }
            return false;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return false;
        }
        return true;
    }
}
