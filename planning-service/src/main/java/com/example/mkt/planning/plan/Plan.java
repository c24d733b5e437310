package com.example.mkt.planning.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The content of one plan version (docs/domain.md#plan-content).
 * Fields may be incomplete while drafting; {@link PlanValidator} says what is wrong and what is missing.
 *
 * @param parentPlanId the coarser plan this one breaks down (an annual plan of a strategic one); may be null
 * @param budget       may be null
 */
public record Plan(String id, PlanKind kind, String ownerOrgUnit, String title, PlanPeriod period,
        String guidingPrinciple, String parentPlanId, List<Goal> goals, List<Measure> measures, List<Phase> phases,
        List<PlanTask> tasks, Budget budget, List<Risk> risks) {

    public Plan {
        goals = copy(goals);
        measures = copy(measures);
        phases = copy(phases);
        tasks = copy(tasks);
        risks = copy(risks);
    }

    private static <T> List<T> copy(List<T> items) {
        // Nulls stay in so the validator can name them instead of the constructor failing on them.
        return items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }
}
