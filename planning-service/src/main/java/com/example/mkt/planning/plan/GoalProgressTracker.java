package com.example.mkt.planning.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Updates the progress of KPI-linked goals from KPI events (docs/domain.md#goal-progress: "Goals may be linked to a KPI
 * and then progress updates from KPI events"). An observation applies to a goal with a positive target when its KPI
 * code and period key match the goal's link and it is about the plan's owner unit; an observation not newer than the
 * progress already held is ignored, so redelivered and out-of-order events leave the newest value in place.
 */
public final class GoalProgressTracker {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PlanPolicy policy;

    public GoalProgressTracker(PlanPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public boolean applies(Goal goal, String planOwnerUnit, KpiObservation observation) {
        KpiLink link = goal.kpiLink();
        return link != null
                && goal.target() != null && goal.target().value() != null && goal.target().value().signum() > 0
                && observation.kpiCode().equals(link.kpiCode())
                && observation.periodKey().equals(link.periodKey())
                && planOwnerUnit.equals(observation.orgUnitCode());
    }

    /** The progress after {@code observation}, or empty when it does not apply or is not newer than {@code current}. */
    public Optional<GoalProgress> update(Goal goal, String planOwnerUnit, GoalProgress current,
            KpiObservation observation) {
        if (!applies(goal, planOwnerUnit, observation)) {
            return Optional.empty();
        }
        if (current != null && !observation.asOf().isAfter(current.asOf())) {
            return Optional.empty();
        }
        return Optional.of(progress(goal.target().value(), observation.value(), observation.asOf()));
    }

    /** Progress of {@code actual} against a positive {@code target}. */
    public GoalProgress progress(BigDecimal target, BigDecimal actual, Instant asOf) {
        if (target.signum() <= 0) {
            throw new IllegalArgumentException("a goal target must be positive");
        }
        // rounded down (towards minus infinity): 89,999.99 of 90,000 shows 99.99, never the 100.00 of a goal not
        // reached, and refunds above sales never show better than they are; isReached() stays exact with it
        BigDecimal achievement = actual.multiply(HUNDRED).divide(target, 2, RoundingMode.FLOOR);
        BigDecimal completion = achievement.max(BigDecimal.ZERO).min(policy.progressCapPercent()).setScale(2,
                RoundingMode.HALF_UP);
        return new GoalProgress(actual, achievement, completion, asOf);
    }
}
