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
 * The editable content of a plan version as the API carries it: money and decimals as strings
 * (docs/api.md#money-numbers-and-time), so what is stored and diffed is exactly what was sent. {@link #toDomain} hands
 * it to {@link PlanValidator}.
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

    /**
     * {@code ownerStaffId}: the person the goal is for (a person-level goal), a known staff member.
     * {@code parentPlanId}: the plan holding {@code parentGoalId} when it is neither this plan nor its parent plan
     * (a person's goal derived from the branch's monthly goal); a plan of the owner unit or a unit above it.
     */
    public record GoalData(String id, String title, GoalTerm term, @Valid TargetData target, String parentGoalId,
            @Valid KpiLinkData kpiLink, @Size(max = 64) String ownerStaffId, @Size(max = 36) String parentPlanId) {

        public GoalData(String id, String title, GoalTerm term, TargetData target, String parentGoalId,
                KpiLinkData kpiLink) {
            this(id, title, term, target, parentGoalId, kpiLink, null, null);
        }
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

    static final String PERCENT = "^[0-9]{1,3}(\\.[0-9]{1,2})?$";
    static final String PERCENT_MESSAGE = "must be a percentage with at most 2 decimals";

    /**
     * Either {@code amount}, or {@code percent} of {@code salesTarget}, or {@code lines}; CNY. With lines,
     * {@code salesTarget} is the base of every percentage line that names no base of its own.
     */
    public record BudgetData(@Pattern(regexp = MONEY, message = MONEY_MESSAGE) String amount,
            @Pattern(regexp = MONEY, message = MONEY_MESSAGE) String salesTarget,
            @Pattern(regexp = PERCENT, message = PERCENT_MESSAGE) String percent,
            @Pattern(regexp = "^CNY$", message = "must be CNY") String currency,
            @Size(max = 100) List<@Valid BudgetLineData> lines) {

        public BudgetData(String amount, String salesTarget, String percent, String currency) {
            this(amount, salesTarget, percent, currency, null);
        }
    }

    /**
     * One budget line: exactly one of {@code amount} and {@code percent}; a percentage of {@code salesTarget}, of
     * the target value of goal {@code baseGoalId}, or else of the budget's {@code salesTarget}.
     */
    public record BudgetLineData(@Size(max = 200) String id, String item,
            @Pattern(regexp = MONEY, message = MONEY_MESSAGE) String amount,
            @Pattern(regexp = PERCENT, message = PERCENT_MESSAGE) String percent,
            @Pattern(regexp = MONEY, message = MONEY_MESSAGE) String salesTarget, String baseGoalId) {
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
        if (budget != null && budget.lines() != null) {
            if (budget.amount() != null || budget.percent() != null) {
                errors.add(new FieldError("budget", "give either lines, or amount, or salesTarget and percent"));
            } else {
                domainBudget = lines(errors, budget);
            }
        } else if (budget != null) {
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
                                : new KpiLink(g.kpiLink().kpi(), g.kpiLink().period()),
                        g.ownerStaffId(), g.parentPlanId())).toList(),
                list(measures).stream().map(m -> m == null ? null : new Measure(m.description())).toList(),
                phaseList,
                list(tasks).stream().map(t -> t == null ? null : new PlanTask(t.id(), t.what(), t.ownerStaffId(),
                        t.due(), decimal(t.cost()))).toList(),
                domainBudget,
                list(risks).stream().map(r -> r == null ? null : new Risk(r.id(), r.description(), r.category(),
                        r.likelihood() == null ? 0 : r.likelihood(), r.impact() == null ? 0 : r.impact(),
                        r.response(), r.mitigation())).toList());
    }

    /** Budget lines; 400 for a line that is neither an amount nor a percentage with a base. */
    private Budget.Lines lines(List<FieldError> errors, BudgetData data) {
        List<BudgetLine> out = new ArrayList<>();
        BigDecimal hundred = BigDecimal.valueOf(100);
        for (int i = 0; i < data.lines().size(); i++) {
            String f = "budget.lines[" + i + "]";
            BudgetLineData l = data.lines().get(i);
            if (l == null) {
                out.add(null);
                continue;
            }
            if (l.amount() != null && l.percent() != null) {
                errors.add(new FieldError(f + ".percent", "give either amount or percent, not both"));
                continue;
            }
            if (l.amount() == null && l.percent() == null) {
                errors.add(new FieldError(f + ".amount", "give either amount or percent"));
                continue;
            }
            if (l.amount() != null) {
                if (l.salesTarget() != null || l.baseGoalId() != null) {
                    errors.add(new FieldError(l.salesTarget() != null ? f + ".salesTarget" : f + ".baseGoalId",
                            "a fixed amount takes no base"));
                    continue;
                }
                out.add(new BudgetLine(l.id(), l.item(), new BigDecimal(l.amount()), null, null, null));
                continue;
            }
            BigDecimal percent = new BigDecimal(l.percent());
            if (percent.signum() <= 0 || percent.compareTo(hundred) > 0) {
                errors.add(new FieldError(f + ".percent", "must be above 0 and at most 100"));
                continue;
            }
            if (l.salesTarget() != null && l.baseGoalId() != null) {
                errors.add(new FieldError(f + ".baseGoalId", "give either salesTarget or baseGoalId, not both"));
                continue;
            }
            BigDecimal base;
            if (l.baseGoalId() != null) {
                base = list(goals).stream().filter(g -> g != null && l.baseGoalId().equals(g.id()) && g.target() != null)
                        .map(g -> decimal(g.target().value())).findFirst().orElse(null);
            } else if (l.salesTarget() != null || data.salesTarget() != null) {
                base = decimal(l.salesTarget() != null ? l.salesTarget() : data.salesTarget());
            } else {
                errors.add(new FieldError(f + ".salesTarget",
                        "a percentage needs a base: salesTarget, baseGoalId or the budget's salesTarget"));
                continue;
            }
            out.add(new BudgetLine(l.id(), l.item(), null, percent, base, l.baseGoalId()));
        }
        return new Budget.Lines(out);
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
