package com.example.mkt.planning.approval;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded transition: the audit trail of a plan's approval, and what the service publishes as
 * {@code plan.*} events.
 *
 * @param note the rejection reason or reviewer's comment; may be null
 */
public record ApprovalStep(String planId, int version, ApprovalAction action, ApprovalState from,
        ApprovalState to, String actorId, Instant at, String note) {

    public ApprovalStep {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(at, "at");
    }
}
