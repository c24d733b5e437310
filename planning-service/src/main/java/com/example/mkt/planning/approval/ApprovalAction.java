package com.example.mkt.planning.approval;

/**
 * What can happen to a plan version. EDIT and AMEND leave the version's state as it is: EDIT asks "may the
 * content change" (only a DRAFT's may), AMEND starts a new draft version from an approved one. CREATE and
 * SUPERSEDE are recorded as steps but happen as side effects, never through {@link PlanApproval#act}.
 */
public enum ApprovalAction {
    EDIT(true),
    SUBMIT(true),
    WITHDRAW(true),
    START_REVIEW(true),
    APPROVE(true),
    REJECT(true),
    REVISE(true),
    DISCARD(true),
    AMEND(true),
    /** Recorded when version 1 is created by {@link PlanApproval#start}. */
    CREATE(false),
    /** Applied by the system when a newer version is approved; never offered to users. */
    SUPERSEDE(false);

    private final boolean userInitiated;

    ApprovalAction(boolean userInitiated) {
        this.userInitiated = userInitiated;
    }

    public boolean isUserInitiated() {
        return userInitiated;
    }
}
