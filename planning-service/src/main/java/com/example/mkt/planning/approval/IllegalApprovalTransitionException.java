package com.example.mkt.planning.approval;

import java.util.Set;

/**
 * An action the version's state does not allow; the REST layer answers 409 with {@link #allowedActions()} (and
 * {@link #allowedNextStates()} for clients that think in states).
 */
public class IllegalApprovalTransitionException extends RuntimeException {

    private final ApprovalState current;
    private final ApprovalAction attempted;
    private final Set<ApprovalAction> allowedActions;
    private final Set<ApprovalState> allowedNextStates;

    public IllegalApprovalTransitionException(ApprovalState current, ApprovalAction attempted) {
        super("cannot " + attempted + " a version in state " + current + "; allowed: "
                + ApprovalTransitions.allowedActions(current));
        this.current = current;
        this.attempted = attempted;
        this.allowedActions = ApprovalTransitions.allowedActions(current);
        this.allowedNextStates = ApprovalTransitions.allowedNextStates(current);
    }

    public ApprovalState current() {
        return current;
    }

    public ApprovalAction attempted() {
        return attempted;
    }

    public Set<ApprovalAction> allowedActions() {
        return Set.copyOf(allowedActions);
    }

    public Set<ApprovalState> allowedNextStates() {
        return Set.copyOf(allowedNextStates);
    }
}
