package com.example.mkt.planning.approval;

import static com.example.mkt.planning.approval.ApprovalAction.AMEND;
import static com.example.mkt.planning.approval.ApprovalAction.APPROVE;
import static com.example.mkt.planning.approval.ApprovalAction.DISCARD;
import static com.example.mkt.planning.approval.ApprovalAction.EDIT;
import static com.example.mkt.planning.approval.ApprovalAction.REJECT;
import static com.example.mkt.planning.approval.ApprovalAction.REVISE;
import static com.example.mkt.planning.approval.ApprovalAction.START_REVIEW;
import static com.example.mkt.planning.approval.ApprovalAction.SUBMIT;
import static com.example.mkt.planning.approval.ApprovalAction.SUPERSEDE;
import static com.example.mkt.planning.approval.ApprovalAction.WITHDRAW;
import static com.example.mkt.planning.approval.ApprovalState.APPROVED;
import static com.example.mkt.planning.approval.ApprovalState.DISCARDED;
import static com.example.mkt.planning.approval.ApprovalState.DRAFT;
import static com.example.mkt.planning.approval.ApprovalState.IN_REVIEW;
import static com.example.mkt.planning.approval.ApprovalState.REJECTED;
import static com.example.mkt.planning.approval.ApprovalState.SUBMITTED;
import static com.example.mkt.planning.approval.ApprovalState.SUPERSEDED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transition table of a plan version: DRAFT -> SUBMITTED -> IN_REVIEW -> APPROVED, or REJECTED and back to
 * DRAFT for revision (docs/domain.md#plan-approval-and-versions). An author may withdraw a submission the reviewer has
 * not picked up yet; once review has started only the reviewer moves the version on.
 */
public final class ApprovalTransitions {

    private static final Map<ApprovalState, Map<ApprovalAction, ApprovalState>> TABLE = table();

    private ApprovalTransitions() {
    }

    private static Map<ApprovalState, Map<ApprovalAction, ApprovalState>> table() {
        Map<ApprovalState, Map<ApprovalAction, ApprovalState>> t = new EnumMap<>(ApprovalState.class);
        t.put(DRAFT, Map.of(EDIT, DRAFT, SUBMIT, SUBMITTED, DISCARD, DISCARDED));
        t.put(SUBMITTED, Map.of(START_REVIEW, IN_REVIEW, WITHDRAW, DRAFT));
        t.put(IN_REVIEW, Map.of(APPROVE, APPROVED, REJECT, REJECTED));
        t.put(REJECTED, Map.of(REVISE, DRAFT, DISCARD, DISCARDED));
        t.put(APPROVED, Map.of(AMEND, APPROVED, SUPERSEDE, SUPERSEDED));
        t.put(SUPERSEDED, Map.of());
        t.put(DISCARDED, Map.of());
        return Map.copyOf(t);
    }

    /** The state {@code action} leads to from {@code state}, if the table allows it. */
    public static Optional<ApprovalState> next(ApprovalState state, ApprovalAction action) {
        return Optional.ofNullable(TABLE.get(state).get(action));
    }

    /** The actions a user may take on a version in {@code state} (system-only actions are left out). */
    public static Set<ApprovalAction> allowedActions(ApprovalState state) {
        EnumSet<ApprovalAction> actions = EnumSet.noneOf(ApprovalAction.class);
        TABLE.get(state).keySet().stream().filter(ApprovalAction::isUserInitiated).forEach(actions::add);
        return actions;
    }

    /** The states a user can move a version in {@code state} to; self-loops (EDIT, AMEND) are not moves. */
    public static Set<ApprovalState> allowedNextStates(ApprovalState state) {
        EnumSet<ApprovalState> states = EnumSet.noneOf(ApprovalState.class);
        TABLE.get(state).forEach((action, target) -> {
            if (action.isUserInitiated() && target != state) {
                states.add(target);
            }
        });
        return states;
    }

    /** The target state, or the exception the REST layer turns into 409 with the allowed actions. */
    public static ApprovalState require(ApprovalState state, ApprovalAction action) {
        return next(state, action).orElseThrow(() -> new IllegalApprovalTransitionException(state, action));
    }
}
