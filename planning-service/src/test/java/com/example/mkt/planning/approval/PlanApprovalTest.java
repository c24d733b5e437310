package com.example.mkt.planning.approval;

import static com.example.mkt.planning.approval.ApprovalAction.AMEND;
import static com.example.mkt.planning.approval.ApprovalAction.APPROVE;
import static com.example.mkt.planning.approval.ApprovalAction.DISCARD;
import static com.example.mkt.planning.approval.ApprovalAction.REJECT;
import static com.example.mkt.planning.approval.ApprovalAction.REVISE;
import static com.example.mkt.planning.approval.ApprovalAction.START_REVIEW;
import static com.example.mkt.planning.approval.ApprovalAction.SUBMIT;
import static com.example.mkt.planning.approval.ApprovalAction.WITHDRAW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.mkt.planning.plan.PlanKind;
import com.example.mkt.planning.validation.ValidationException;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PlanApprovalTest {

    private static final ApprovalPolicy POLICY = ApprovalPolicy.defaults();
    private static final Actor DIRECTOR = new Actor("s-director", Set.of("marketing_director"));
    private static final Actor GM = new Actor("s-gm", Set.of("gm"));
    private static final Actor MANAGER = new Actor("s-manager", Set.of("manager"));
    private static final Instant T0 = Instant.parse("2025-10-08T01:00:00Z");

    private static Instant t(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static PlanApproval annualDraft() {
        return PlanApproval.start("plan-2026", PlanKind.ANNUAL, DIRECTOR, T0).approval();
    }

    private static PlanApproval approvedV1() {
        PlanApproval a = annualDraft();
        a = a.act(1, SUBMIT, DIRECTOR, t(1), null, POLICY).approval();
        a = a.act(1, START_REVIEW, GM, t(2), null, POLICY).approval();
        return a.act(1, APPROVE, GM, t(3), "同意", POLICY).approval();
    }

    @Test
    void startCreatesVersionOneDraft() {
        ApprovalOutcome outcome = PlanApproval.start("plan-2026", PlanKind.ANNUAL, DIRECTOR, T0);
        PlanVersion v1 = outcome.approval().latest();
        assertEquals(1, v1.number());
        assertEquals(ApprovalState.DRAFT, v1.state());
        assertEquals("s-director", v1.authorId());
        assertTrue(v1.isEditable());
        assertNull(v1.basedOn());
        assertEquals(List.of(new ApprovalStep("plan-2026", 1, ApprovalAction.CREATE, null, ApprovalState.DRAFT,
                "s-director", T0, null)), outcome.steps());
        assertTrue(outcome.approval().approved().isEmpty());
    }

    @Test
    void gmSignsOffTheAnnualPlan() {
        PlanApproval a = approvedV1();
        assertEquals(ApprovalState.APPROVED, a.latest().state());
        assertEquals(1, a.approved().orElseThrow().number());
        assertTrue(a.open().isEmpty());
        assertEquals(t(3), a.latest().stateChangedAt());
    }

    @Test
    void tenRejectionsAreCountedAsRevisionsOfOneVersion() {
        PlanApproval a = annualDraft();
        for (int i = 0; i < 10; i++) {
            a = a.act(1, SUBMIT, DIRECTOR, t(10 * i), null, POLICY).approval();
            a = a.act(1, START_REVIEW, GM, t(10 * i + 1), null, POLICY).approval();
            a = a.act(1, REJECT, GM, t(10 * i + 2), "费用太高", POLICY).approval();
            a = a.act(1, REVISE, DIRECTOR, t(10 * i + 3), null, POLICY).approval();
        }
        assertEquals(1, a.versions().size());
        assertEquals(10, a.latest().revisionCount());
        assertEquals(10, a.totalRevisions());
        assertEquals(ApprovalState.DRAFT, a.latest().state());
    }

    @Test
    void withdrawDoesNotCountAsARevision() {
        PlanApproval a = annualDraft().act(1, SUBMIT, DIRECTOR, t(1), null, POLICY).approval()
                .act(1, WITHDRAW, DIRECTOR, t(2), null, POLICY).approval();
        assertEquals(ApprovalState.DRAFT, a.latest().state());
        assertEquals(0, a.latest().revisionCount());
    }

    @Test
    void rejectionNeedsANote() {
        PlanApproval inReview = annualDraft().act(1, SUBMIT, DIRECTOR, t(1), null, POLICY).approval()
                .act(1, START_REVIEW, GM, t(2), null, POLICY).approval();
        ValidationException e = assertThrows(ValidationException.class,
                () -> inReview.act(1, REJECT, GM, t(3), " ", POLICY));
        assertEquals("note", e.errors().get(0).field());
        ApprovalStep step = inReview.act(1, REJECT, GM, t(3), "预算依据不足", POLICY).steps().get(0);
        assertEquals("预算依据不足", step.note());
        assertEquals(ApprovalState.IN_REVIEW, step.from());
        assertEquals(ApprovalState.REJECTED, step.to());
    }

    @Test
    void onlyGmDecidesOnAnnualPlans() {
        PlanApproval submitted = annualDraft().act(1, SUBMIT, DIRECTOR, t(1), null, POLICY).approval();
        Actor otherDirector = new Actor("s-director-2", Set.of("marketing_director"));
        assertThrows(ApprovalNotPermittedException.class,
                () -> submitted.act(1, START_REVIEW, otherDirector, t(2), null, POLICY));
        PlanApproval inReview = submitted.act(1, START_REVIEW, GM, t(2), null, POLICY).approval();
        assertThrows(ApprovalNotPermittedException.class,
                () -> inReview.act(1, APPROVE, otherDirector, t(3), null, POLICY));
    }

    @Test
    void managerMayApproveAMonthlyPlanButNotTheirOwn() {
        PlanApproval monthly = PlanApproval.start("m-1", PlanKind.MONTHLY, MANAGER, T0).approval()
                .act(1, SUBMIT, MANAGER, t(1), null, POLICY).approval();
        ApprovalNotPermittedException e = assertThrows(ApprovalNotPermittedException.class,
                () -> monthly.act(1, START_REVIEW, MANAGER, t(2), null, POLICY));
        assertTrue(e.getMessage().contains("author"));
        Actor otherManager = new Actor("s-manager-2", Set.of("manager"));
        assertEquals(ApprovalState.IN_REVIEW,
                monthly.act(1, START_REVIEW, otherManager, t(2), null, POLICY).approval().latest().state());
    }

    @Test
    void approvedVersionIsImmutable() {
        PlanApproval a = approvedV1();
        IllegalApprovalTransitionException e = assertThrows(IllegalApprovalTransitionException.class,
                () -> a.requireEditable(1));
        assertEquals(ApprovalState.APPROVED, e.current());
        assertEquals(Set.of(AMEND), e.allowedActions());
        assertThrows(IllegalApprovalTransitionException.class, () -> a.act(1, SUBMIT, DIRECTOR, t(9), null, POLICY));
    }

    @Test
    void amendmentCreatesNextVersionThatSupersedesOnApproval() {
        PlanApproval a = approvedV1();
        ApprovalOutcome amended = a.act(1, AMEND, DIRECTOR, t(10), "调整Q3预算", POLICY);
        PlanApproval b = amended.approval();
        assertEquals(2, b.latest().number());
        assertEquals(ApprovalState.DRAFT, b.latest().state());
        assertEquals(1, b.latest().basedOn());
        assertEquals(1, b.approved().orElseThrow().number(), "v1 stays in force during the amendment");
        assertEquals(List.of(new ApprovalStep("plan-2026", 2, AMEND, null, ApprovalState.DRAFT, "s-director",
                t(10), "调整Q3预算")), amended.steps());

        b = b.act(2, SUBMIT, DIRECTOR, t(11), null, POLICY).approval()
                .act(2, START_REVIEW, GM, t(12), null, POLICY).approval();
        ApprovalOutcome approved = b.act(2, APPROVE, GM, t(13), null, POLICY);
        PlanApproval c = approved.approval();
        assertEquals(ApprovalState.SUPERSEDED, c.version(1).state());
        assertEquals(ApprovalState.APPROVED, c.version(2).state());
        assertEquals(2, c.approved().orElseThrow().number());
        assertEquals(List.of(APPROVE, ApprovalAction.SUPERSEDE),
                approved.steps().stream().map(ApprovalStep::action).toList());
        assertThrows(IllegalApprovalTransitionException.class, () -> c.act(1, AMEND, DIRECTOR, t(14), null, POLICY));
    }

    @Test
    void onlyOneOpenVersionAtATime() {
        PlanApproval b = approvedV1().act(1, AMEND, DIRECTOR, t(10), null, POLICY).approval();
        OpenVersionExistsException e = assertThrows(OpenVersionExistsException.class,
                () -> b.act(1, AMEND, DIRECTOR, t(11), null, POLICY));
        assertEquals(2, e.openVersion());
        assertEquals(ApprovalState.DRAFT, e.openState());
    }

    @Test
    void discardedAmendmentFreesTheWayForTheNext() {
        PlanApproval b = approvedV1().act(1, AMEND, DIRECTOR, t(10), null, POLICY).approval()
                .act(2, DISCARD, DIRECTOR, t(11), null, POLICY).approval();
        assertEquals(ApprovalState.DISCARDED, b.version(2).state());
        assertTrue(b.open().isEmpty());
        PlanApproval c = b.act(1, AMEND, DIRECTOR, t(12), null, POLICY).approval();
        assertEquals(3, c.latest().number());
        assertEquals(1, c.latest().basedOn());
    }

    @Test
    void unknownVersion() {
        assertThrows(UnknownPlanVersionException.class, () -> annualDraft().version(2));
        assertThrows(UnknownPlanVersionException.class, () -> annualDraft().version(0));
    }

    @Test
    void systemActionsAreNotUserActions() {
        PlanApproval a = approvedV1();
        assertThrows(IllegalArgumentException.class,
                () -> a.act(1, ApprovalAction.SUPERSEDE, GM, t(9), null, POLICY));
        assertThrows(IllegalArgumentException.class, () -> a.act(1, ApprovalAction.EDIT, GM, t(9), null, POLICY));
    }

    @Test
    void restoreChecksInvariants() {
        Instant at = T0;
        PlanVersion approved = new PlanVersion(1, ApprovalState.APPROVED, 0, null, "a", at, at);
        PlanVersion draft = new PlanVersion(2, ApprovalState.DRAFT, 0, 1, "a", at, at);
        assertEquals(2, PlanApproval.restore("p", PlanKind.ANNUAL, List.of(approved, draft)).latest().number());
        assertThrows(IllegalStateException.class, () -> PlanApproval.restore("p", PlanKind.ANNUAL, List.of()));
        assertThrows(IllegalStateException.class,
                () -> PlanApproval.restore("p", PlanKind.ANNUAL, List.of(draft)), "numbers must start at 1");
        assertThrows(IllegalStateException.class, () -> PlanApproval.restore("p", PlanKind.ANNUAL,
                List.of(new PlanVersion(1, ApprovalState.DRAFT, 0, null, "a", at, at),
                        new PlanVersion(2, ApprovalState.APPROVED, 0, null, "a", at, at))), "open must be latest");
        assertThrows(IllegalStateException.class, () -> PlanApproval.restore("p", PlanKind.ANNUAL,
                List.of(approved, new PlanVersion(2, ApprovalState.APPROVED, 0, 1, "a", at, at))));
    }

    @Test
    void actionsLeaveTheOriginalUntouched() {
        PlanApproval draft = annualDraft();
        draft.act(1, SUBMIT, DIRECTOR, t(1), null, POLICY);
        assertEquals(ApprovalState.DRAFT, draft.latest().state());
        assertFalse(draft.versions().isEmpty());
    }
}
