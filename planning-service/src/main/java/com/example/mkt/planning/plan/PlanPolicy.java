package com.example.mkt.planning.plan;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Limits and choices for plan content. None of these numbers is in the business's wording except the shape of the
 * budget rule; they are the defaults a serious product would ship with:
 *
 * @param maxTitleLength        characters (code points) of a title, name or id
 * @param maxTextLength         characters of a description or principle
 * @param strategicMinYears     a strategic plan spans at least this many years ("中期(一般为3~5年)")
 * @param strategicMaxYears     and at most this many
 * @param maxBudgetSharePercent a budget share of the sales target above this is a typo, not a plan
 * @param taskCostsWithinBudget the tasks' total cost may not exceed the budget
 * @param phasesMayOverlap      false: phases are consecutive stages; gaps are allowed
 * @param budgetRequiredFor     plan kinds that cannot be submitted without a budget (the annual plan is above all
 *                              a budget request)
 * @param progressCapPercent    goal completion shown on progress bars stops here; the achievement rate does not
 * @param risks                 risk bands
 * @param budgetBaseUnits       units of a goal target a budget line may take a percentage of (money)
 */
public record PlanPolicy(int maxTitleLength, int maxTextLength, int strategicMinYears, int strategicMaxYears,
        BigDecimal maxBudgetSharePercent, boolean taskCostsWithinBudget, boolean phasesMayOverlap,
        Set<PlanKind> budgetRequiredFor, BigDecimal progressCapPercent, RiskPolicy risks,
        Set<String> budgetBaseUnits) {

    public static final Set<String> DEFAULT_BUDGET_BASE_UNITS = Set.of("CNY", "元");

    public PlanPolicy(int maxTitleLength, int maxTextLength, int strategicMinYears, int strategicMaxYears,
            BigDecimal maxBudgetSharePercent, boolean taskCostsWithinBudget, boolean phasesMayOverlap,
            Set<PlanKind> budgetRequiredFor, BigDecimal progressCapPercent, RiskPolicy risks) {
        this(maxTitleLength, maxTextLength, strategicMinYears, strategicMaxYears, maxBudgetSharePercent,
                taskCostsWithinBudget, phasesMayOverlap, budgetRequiredFor, progressCapPercent, risks,
                DEFAULT_BUDGET_BASE_UNITS);
    }

    public PlanPolicy {
        Objects.requireNonNull(maxBudgetSharePercent, "maxBudgetSharePercent");
        Objects.requireNonNull(progressCapPercent, "progressCapPercent");
        Objects.requireNonNull(risks, "risks");
        if (maxTitleLength < 1 || maxTextLength < 1 || strategicMinYears < 1 || strategicMaxYears < strategicMinYears) {
            throw new IllegalArgumentException("limits must be positive and ordered");
        }
        budgetBaseUnits = Set.copyOf(budgetBaseUnits);
        budgetRequiredFor = budgetRequiredFor.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(budgetRequiredFor));
    }

    public static PlanPolicy defaults() {
        return new PlanPolicy(200, 4000, 1, 10, new BigDecimal("100.00"), true, false,
                EnumSet.of(PlanKind.ANNUAL), new BigDecimal("100.00"), RiskPolicy.defaults());
    }
}
