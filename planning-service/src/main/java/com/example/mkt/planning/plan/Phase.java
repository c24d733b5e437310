package com.example.mkt.planning.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stage of the plan with its own date range and milestones (docs/domain.md#plan-content: three consecutive stages,
 * September-December, January-July, August onwards).
 */
public record Phase(String name, PlanPeriod period, List<Milestone> milestones) {

    public Phase {
        // Nulls stay in so the validator can name them.
        milestones = milestones == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(milestones));
    }
}
