package com.example.mkt.customer.care;

import java.util.List;

/** A care task is prepared (OPEN), then done with its outcome and cost, or skipped with a reason. */
public enum CareTaskState {
    OPEN,
    DONE,
    SKIPPED;

    public static final String COMPLETE = "complete";
    public static final String SKIP = "skip";

    /** What may be done next, as the REST actions are named; nothing once done or skipped. */
    public List<String> allowedActions() {
        return this == OPEN ? List.of(COMPLETE, SKIP) : List.of();
    }
}
