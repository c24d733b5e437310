package com.example.mkt.customer.followup;

/** A follow-up task's state; see {@link FollowUpTask#TRANSITIONS}. */
public enum TaskState {
    OPEN,
    DONE,
    OVERDUE,
    /** No longer wanted, e.g. the customer's grade changed and the cadence with it. */
    CANCELLED
}
