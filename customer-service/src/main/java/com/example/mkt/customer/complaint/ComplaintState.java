package com.example.mkt.customer.complaint;

/** See {@link ComplaintWorkflow#TRANSITIONS} for the moves between them. */
public enum ComplaintState {
    NEW,
    ASSIGNED,
    IN_PROGRESS,
    /** Waiting for the escalation owner ({@link EscalationLevel}) to act. */
    ESCALATED,
    RESOLVED,
    CLOSED,
    REOPENED
}
