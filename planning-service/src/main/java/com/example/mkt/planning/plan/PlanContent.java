package com.example.mkt.planning.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.example.mkt.planning.validation.FieldError;
import com.example.mkt.rest.problem.ApiException;

/**
 * The editable content of a plan version as the API carries it: money and decimals as strings (CONTRACTS.md), so
 * what is stored and diffed is exactly what was sent. {@link #toDomain} hands it to {@link PlanValidator}.
 */
public record PlanContent(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String guidingPrinciple,
        @Size(max = 36) String parentPlanId, @NotNull @Valid Period period,
        @Size(max = 200) List<@Valid GoalData> goals, @Size(max = 200) List<@Valid MeasureData> measures,
        @Size(max = 50) List<@Valid PhaseData> phases, @Size(max = 500) List<@Valid TaskData> tasks,
        @Valid BudgetData budget, @Size(max = 200) List<@Valid RiskData> risks) {

    static final String MONEY = "^[0-9]{1,13}\\.[0-9]{2}$";
    static final String MONEY_MESSAGE = "must be a decimal string with 2 decimals";
    static final String DECIMAL = "^-?[0-9]{1,15}(\\.[0-9]{1,4})?$";
    static final String DECIMAL_MESSAGE = "must be a decimal string";

    public record Period(@NotNull LocalDate start, @NotNull LocalDate end) {
    }

    public record KpiLinkData(@NotBlank String kpi, @NotBlank String period) {
    }

    public record TargetData(String metric, @Pattern(regexp = DECIMAL, message = DECIMAL_MESSAGE) String value,
            String unit, LocalDate due) {
    }

    public record GoalData(String id, String title, GoalTerm term, @Valid TargetData target, String parentGoalId,
            @Valid KpiLinkData kpiLink) {
    }

    public record MeasureData(String description) {
    }

    public record MilestoneData(String name, LocalDate due) {
    }

    public record PhaseData(String name, @Valid Period period, List<MilestoneData> milestones) {
    }

    /** {@code status}: OPEN, IN_PROGRESS, DONE or CANCELLED; absent means OPEN. */
    public record TaskData(String id, String what, String ownerStaffId, LocalDate due,
            @Pattern(regexp = MONEY, message = MONEY_MESSAGE) String cost,
            @Pattern(regexp = "^(OPEN|IN_PROGRESS|DONE|CANCELLED)$", message = "must be OPEN, IN_PROGRESS, DONE or CANCELLED") String status) {
    }

    /** Either {@code amount}, or {@code percent} of {@code salesTarget}; CNY. */
    public record BudgetData(@Pattern(regexp = MONEY, message = MONEY_MESSAGE) String amount,
            @Pattern(regexp = MONEY, message = MONEY_MESSAGE) String salesTarget,
            @Pattern(regexp = "^[0-9]{1,3}(\\.[0-9]{1,2})?$", message = "must be a percentage with at most 2 decimals") String percent,
            @Pattern(regexp = "^CNY$", message = "must be CNY") String currency) {
    }

    public record RiskData(String id, String description, RiskCategory category, Integer likelihood, Integer impact,
            RiskResponse response, String mitigation) {
    }

    /** The domain plan; 400 naming the field for shapes the domain records cannot even hold. */
    public Plan toDomain(String id, PlanKind kind, String ownerOrgUnit) {
        List<FieldError> errors = new ArrayList<>();
        PlanPeriod planPeriod = period(errors, "period", period);
        List<Phase> phaseList = new ArrayList<>();
        for (int i = 0; i < list(phases).size(); i++) {
            PhaseData p = phases.get(i);
            phaseList.add(p == null ? null : new Phase(p.name(), period(errors, "phases[" + i + "].period", p.period()),
                    list(p.milestones()).stream().map(m -> m == null ? null : new Milestone(m.name(), m.due())).toList()));
        }
        Budget domainBudget = null;
        if (budget != null) {
            if (budget.amount() != null && (budget.salesTarget() != null || budget.percent() != null)) {
                errors.add(new FieldError("budget", "give either amount, or salesTarget and percent"));
            } else if (budget.amount() != null) {
                domainBudget = new Budget.Fixed(new BigDecimal(budget.amount()));
            } else {
                domainBudget = new Budget.ShareOfSalesTarget(decimal(budget.salesTarget()), decimal(budget.percent()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.stream()
                    .map(e -> new com.example.mkt.rest.problem.FieldError(e.field(), e.message())).toList());
        }
        return new Plan(id, kind, ownerOrgUnit, title, planPeriod, guidingPrinciple, parentPlanId,
                list(goals).stream().map(g -> g == null ? null : new Goal(g.id(), g.title(), g.term(),
                        g.target() == null ? null : new GoalTarget(g.target().metric(), decimal(g.target().value()),
                                g.target().unit(), g.target().due()),
                        g.parentGoalId(), g.kpiLink() == null ? null
                                : new KpiLink(g.kpiLink().kpi(), g.kpiLink().period()))).toList(),
                list(measures).stream().map(m -> m == null ? null : new Measure(m.description())).toList(),
                phaseList,
                list(tasks).stream().map(t -> t == null ? null : new PlanTask(t.id(), t.what(), t.ownerStaffId(),
                        t.due(), decimal(t.cost()))).toList(),
                domainBudget,
                list(risks).stream().map(r -> r == null ? null : new Risk(r.id(), r.description(), r.category(),
                        r.likelihood() == null ? 0 : r.likelihood(), r.impact() == null ? 0 : r.impact(),
                        r.response(), r.mitigation())).toList());
    }

    private static PlanPeriod period(List<FieldError> errors, String field, Period p) {
        if (p == null || p.start() == null || p.end() == null) {
            return null;
        }
        if (p.end().isBefore(p.start())) {
            errors.add(new FieldError(field + ".end", "must not be before start"));
            return null;
        }
        return new PlanPeriod(p.start(), p.end());
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
