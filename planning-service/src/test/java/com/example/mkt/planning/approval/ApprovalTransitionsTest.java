package com.example.mkt.planning.approval;

import static com.example.mkt.planning.approval.ApprovalAction.AMEND;
import static com.example.mkt.planning.approval.ApprovalAction.APPROVE;
import static com.example.mkt.planning.approval.ApprovalAction.DISCARD;
import static com.example.mkt.planning.approval.ApprovalAction.EDIT;
import static com.example.mkt.planning.approval.ApprovalAction.REJECT;
import static com.example.mkt.planning.approval.ApprovalAction.REVISE;
import static com.example.mkt.planning.approval.ApprovalAction.START_REVIEW;
import static com.example.mkt.planning.approval.ApprovalAction.SUBMIT;
import static com.example.mkt.planning.approval.ApprovalAction.WITHDRAW;
import static com.example.mkt.planning.approval.ApprovalState.APPROVED;
import static com.example.mkt.planning.approval.ApprovalState.DISCARDED;
import static com.example.mkt.planning.approval.ApprovalState.DRAFT;
import static com.example.mkt.planning.approval.ApprovalState.IN_REVIEW;
import static com.example.mkt.planning.approval.ApprovalState.REJECTED;
import static com.example.mkt.planning.approval.ApprovalState.SUBMITTED;
import static com.example.mkt.planning.approval.ApprovalState.SUPERSEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApprovalTransitionsTest {

    @Test
    void allowedActionsPerState() {
        assertEquals(Set.of(EDIT, SUBMIT, DISCARD), ApprovalTransitions.allowedActions(DRAFT));
        assertEquals(Set.of(START_REVIEW, WITHDRAW), ApprovalTransitions.allowedActions(SUBMITTED));
        assertEquals(Set.of(APPROVE, REJECT), ApprovalTransitions.allowedActions(IN_REVIEW));
        assertEquals(Set.of(REVISE, DISCARD), ApprovalTransitions.allowedActions(REJECTED));
        assertEquals(Set.of(AMEND), ApprovalTransitions.allowedActions(APPROVED), "SUPERSEDE is system-only");
        assertEquals(Set.of(), ApprovalTransitions.allowedActions(SUPERSEDED));
        assertEquals(Set.of(), ApprovalTransitions.allowedActions(DISCARDED));
    }

    @Test
    void allowedNextStatesIgnoreSelfLoopsAndSystemMoves() {
        assertEquals(Set.of(SUBMITTED, DISCARDED), ApprovalTransitions.allowedNextStates(DRAFT));
        assertEquals(Set.of(IN_REVIEW, DRAFT), ApprovalTransitions.allowedNextStates(SUBMITTED));
        assertEquals(Set.of(APPROVED, REJECTED), ApprovalTransitions.allowedNextStates(IN_REVIEW));
        assertEquals(Set.of(DRAFT, DISCARDED), ApprovalTransitions.allowedNextStates(REJECTED));
        assertEquals(Set.of(), ApprovalTransitions.allowedNextStates(APPROVED));
    }

    @Test
    void happyPath() {
        assertEquals(Optional.of(SUBMITTED), ApprovalTransitions.next(DRAFT, SUBMIT));
        assertEquals(Optional.of(IN_REVIEW), ApprovalTransitions.next(SUBMITTED, START_REVIEW));
        assertEquals(Optional.of(APPROVED), ApprovalTransitions.next(IN_REVIEW, APPROVE));
        assertEquals(Optional.of(REJECTED), ApprovalTransitions.next(IN_REVIEW, REJECT));
        assertEquals(Optional.of(DRAFT), ApprovalTransitions.next(REJECTED, REVISE));
        assertEquals(Optional.of(SUPERSEDED), ApprovalTransitions.next(APPROVED, ApprovalAction.SUPERSEDE));
    }

    @Test
    void approvingADraftDirectlyIsRefusedWithTheAllowedActions() {
        IllegalApprovalTransitionException e = assertThrows(IllegalApprovalTransitionException.class,
                () -> ApprovalTransitions.require(DRAFT, APPROVE));
        assertEquals(DRAFT, e.current());
        assertEquals(APPROVE, e.attempted());
        assertEquals(Set.of(EDIT, SUBMIT, DISCARD), e.allowedActions());
        assertEquals(Set.of(SUBMITTED, DISCARDED), e.allowedNextStates());
    }

    @ParameterizedTest
    @EnumSource(value = ApprovalState.class, names = {"DRAFT"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyDraftsAreEditable(ApprovalState state) {
        assertTrue(ApprovalTransitions.next(state, EDIT).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(ApprovalState.class)
    void createIsNeverATableTransition(ApprovalState state) {
        assertTrue(ApprovalTransitions.next(state, ApprovalAction.CREATE).isEmpty());
    }
}
