package com.example.mkt.campaign.lifecycle;

/**
 * A reviewer may not decide now, though the campaign is in review. Distinct from an illegal transition: the
 * state is right, the person or the input is not (the REST layer answers 403 or 422 by {@link #reason()}).
 */
public final class ApprovalNotPermittedException extends RuntimeException {

    public enum Reason {
        /** Another role's level is next. */
        OUT_OF_TURN,
        /** The same person already decided a level of this round. */
        SAME_ACTOR_TWICE,
        /** The person who submitted the campaign may not approve it. */
        SUBMITTER_CANNOT_APPROVE,
        /** A rejection must say why. */
        COMMENT_REQUIRED
    }

    private final Reason reason;
    private final String expectedRole;

    public ApprovalNotPermittedException(Reason reason, String expectedRole, String message) {
        super(message);
        this.reason = reason;
        this.expectedRole = expectedRole;
    }

    public Reason reason() {
        return reason;
    }

    /** The role whose decision is awaited. */
    public String expectedRole() {
        return expectedRole;
    }
}
