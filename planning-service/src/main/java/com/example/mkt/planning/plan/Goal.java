package com.example.mkt.planning.plan;

/**
 * A plan goal (DOMAIN.md §4). Goals form a hierarchy: a lower goal states which higher one it derives from
 * ({@code 001:226}: "应说明较低的目标是如何从较高的目标中引申出来"), either a goal of the same plan (a short-term goal
 * serving a long-term one) or a goal of the parent plan.
 *
 * @param parentGoalId may be null
 * @param kpiLink      may be null
 */
public record Goal(String id, String title, GoalTerm term, GoalTarget target, String parentGoalId, KpiLink kpiLink) {
}
