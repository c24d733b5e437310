package com.example.mkt.customer.tier;

import com.example.mkt.customer.workflow.FourEyesViolationException;
import com.example.mkt.customer.workflow.TransitionTable;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The company puts a customer on the VIP list without the customer applying; a manager must approve
 * ("公司可直接报相关领导审批后,列入VIP客户名单"). The nominator cannot decide their
 * own nomination; a rejection needs a note so the salesperson learns why. Checking that the decider
 * holds the manager role is the security layer's job.
 */
public record VipNomination(String id, String customerId, String nominatedBy, String reason, Instant nominatedAt,
                            NominationState state, String decidedBy, Instant decidedAt, String decisionNote) {

    public static final TransitionTable<NominationState, NominationAction> TRANSITIONS =
            TransitionTable.builder("vip-nomination", NominationState.class, NominationAction.class)
                    .on(NominationState.NOMINATED, NominationAction.APPROVE, NominationState.APPROVED)
                    .on(NominationState.NOMINATED, NominationAction.REJECT, NominationState.REJECTED)
                    .build();

    public VipNomination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(nominatedBy, "nominatedBy");
        Objects.requireNonNull(nominatedAt, "nominatedAt");
        Objects.requireNonNull(state, "state");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a nomination needs a reason");
        }
    }

    public static VipNomination nominate(String id, String customerId, String nominatedBy, String reason, Instant at) {
        return new VipNomination(id, customerId, nominatedBy, reason, at, NominationState.NOMINATED, null, null, null);
    }

    public Set<NominationAction> allowedActions() {
        return TRANSITIONS.allowedActions(state);
    }

    public VipNomination approve(String approver, String note, Instant at) {
        return decide(NominationAction.APPROVE, approver, note, at);
    }

    public VipNomination reject(String approver, String note, Instant at) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a note");
        }
        return decide(NominationAction.REJECT, approver, note, at);
    }

    public Optional<String> decider() {
        return Optional.ofNullable(decidedBy);
    }

    private VipNomination decide(NominationAction action, String approver, String note, Instant at) {
        NominationState next = TRANSITIONS.require(state, action);
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(at, "at");
        if (approver.equals(nominatedBy)) {
            throw new FourEyesViolationException("VIP nomination", approver);
        }
        if (at.isBefore(nominatedAt)) {
            throw new IllegalArgumentException("decision before nomination");
        }
        return new VipNomination(id, customerId, nominatedBy, reason, nominatedAt, next, approver, at, note);
    }
}
