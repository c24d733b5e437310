package com.example.mkt.planning.plan;

/**
 * A plan goal (docs/domain.md#plan-content). Goals form a hierarchy: a lower goal states which higher one it derives
 * from ("应说明较低的目标是如何从较高的目标中引申出来"), either a goal of the same plan (a short-term goal
 * serving a long-term one) or a goal of the parent plan.
 *
 * <p>A person-level goal names its {@code ownerStaffId}; a goal may derive from a goal of yet another plan
 * ({@code parentPlanId}), for cascades year -> month -> person across the plans of a unit and the units above it.
 *
 * @param parentGoalId may be null
 * @param kpiLink      may be null
 * @param ownerStaffId may be null
 * @param parentPlanId the plan holding {@code parentGoalId} when it is not this plan or its parent plan; may be null
 */
public record Goal(String id, String title, GoalTerm term, GoalTarget target, String parentGoalId, KpiLink kpiLink,
        String ownerStaffId, String parentPlanId) {

    public Goal(String id, String title, GoalTerm term, GoalTarget target, String parentGoalId, KpiLink kpiLink) {
        this(id, title, term, target, parentGoalId, kpiLink, null, null);
    }
}
