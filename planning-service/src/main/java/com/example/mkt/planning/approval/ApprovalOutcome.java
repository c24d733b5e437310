package com.example.mkt.planning.approval;

import java.util.List;

/** The plan's approval after an action, and the steps that action recorded (to persist and publish). */
public record ApprovalOutcome(PlanApproval approval, List<ApprovalStep> steps) {

    public ApprovalOutcome {
        steps = List.copyOf(steps);
    }
}
