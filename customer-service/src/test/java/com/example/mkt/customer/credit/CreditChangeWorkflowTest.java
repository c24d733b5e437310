package com.example.mkt.customer.credit;

import com.example.mkt.customer.workflow.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static com.example.mkt.customer.credit.CreditChangeAction.APPROVE;
import static com.example.mkt.customer.credit.CreditChangeAction.ESCALATE;
import static com.example.mkt.customer.credit.CreditChangeAction.EXTEND;
import static com.example.mkt.customer.credit.CreditChangeAction.REJECT;
import static com.example.mkt.customer.credit.CreditChangeAction.WITHDRAW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreditChangeWorkflowTest {

    private static final Instant T0 = Instant.parse("2026-05-04T01:00:00Z");
    private final CreditChangeWorkflow wf = new CreditChangeWorkflow(CreditApprovalPolicy.defaults());
    private final CreditChangeRequest opened = CreditChangeRequest.open("r1", "c-1", Optional.of(CreditTier.YELLOW),
            Optional.of(CreditTier.GREEN), "年交易额超过500万", T0);

    private static Instant days(double d) {
        return T0.plus(Duration.ofMinutes((long) (d * 24 * 60)));
    }

    @Test
    void happyPathThroughThreeSteps() {
        CreditChangeRequest filed = wf.approve(opened, days(1));
        assertEquals(CreditChangeState.AWAITING_VERIFICATION, filed.state());
        CreditChangeRequest verified = wf.approve(filed, days(3));
        assertEquals(CreditChangeState.AWAITING_HQ_APPROVAL, verified.state());
        CreditChangeRequest approved = wf.approve(verified, days(5));
        assertEquals(CreditChangeState.APPROVED, approved.state());
        assertEquals(Optional.of(days(5)), approved.closedAt());
        assertTrue(wf.stepDue(approved).isEmpty());
        assertTrue(wf.allowedActions(approved, days(20)).isEmpty());
    }

    @Test
    void stepDeadlinesFollowThePolicy() {
        assertEquals(days(2), wf.stepDue(opened).orElseThrow());
        CreditChangeRequest filed = wf.approve(opened, days(1));
        assertEquals(days(4), wf.stepDue(filed).orElseThrow());
        CreditChangeRequest verified = wf.approve(filed, days(2));
        assertEquals(days(5), wf.stepDue(verified).orElseThrow());
        assertEquals(days(10), wf.overallDue(opened));
    }

    @Test
    void overdueStrictlyAfterTheDeadline() {
        assertFalse(wf.isOverdue(opened, days(2)));
        assertTrue(wf.isOverdue(opened, days(2).plusNanos(1)));
        assertFalse(wf.isOverdue(opened, days(2).minusNanos(1)));
    }

    @Test
    void extensionGivesHeadOfficeSevenDaysButNeverBeyondTheOverallTen() {
        CreditChangeRequest hq = wf.approve(wf.approve(opened, days(1)), days(2));
        assertEquals(days(5), wf.stepDue(hq).orElseThrow());
        CreditChangeRequest extended = wf.extend(hq, days(4));
        assertEquals(days(9), wf.stepDue(extended).orElseThrow());
        assertFalse(wf.allowedActions(extended, days(4)).contains(EXTEND));

        CreditChangeRequest lateHq = wf.approve(wf.approve(opened, days(2)), days(5));
        assertEquals(days(8), wf.stepDue(lateHq).orElseThrow());
        assertEquals(days(10), wf.stepDue(wf.extend(lateHq, days(6))).orElseThrow(), "5 + 7 = 12 is capped at 10");
    }

    @Test
    void lateFilingShortensLaterStepsToTheOverallLimit() {
        CreditChangeRequest filed = wf.approve(opened, days(8));
        assertEquals(days(10), wf.stepDue(filed).orElseThrow());
    }

    @Test
    void escalateOnlyWhenOverdueAndOnlyOncePerStep() {
        assertFalse(wf.allowedActions(opened, days(2)).contains(ESCALATE));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> wf.escalate(opened, days(2)));
        assertEquals(CreditChangeState.AWAITING_FILING, e.currentState());
        assertEquals(ESCALATE, e.attemptedAction());
        assertEquals(EnumSet.of(APPROVE, WITHDRAW), e.allowedActions());

        CreditChangeRequest escalated = wf.escalate(opened, days(2.5));
        assertEquals(CreditChangeState.AWAITING_FILING, escalated.state());
        assertTrue(escalated.isEscalated());
        assertEquals(Optional.of(ApprovalLevel.LARGE_REGION), wf.owner(escalated));
        assertFalse(wf.allowedActions(escalated, days(3)).contains(ESCALATE));

        CreditChangeRequest filed = wf.approve(escalated, days(3));
        assertFalse(filed.isEscalated(), "the next step starts unescalated");
        assertEquals(Optional.of(ApprovalLevel.LARGE_REGION), wf.owner(filed));
    }

    @Test
    void filingCannotBeRejectedOnlyWithdrawn() {
        assertEquals(EnumSet.of(APPROVE, WITHDRAW), wf.allowedActions(opened, T0));
        assertThrows(IllegalTransitionException.class, () -> wf.reject(opened, T0));
        assertEquals(CreditChangeState.WITHDRAWN, wf.withdraw(opened, T0).state());
    }

    @Test
    void verificationAndHeadOfficeMayReject() {
        CreditChangeRequest filed = wf.approve(opened, days(1));
        assertEquals(EnumSet.of(APPROVE, REJECT, WITHDRAW), wf.allowedActions(filed, days(1)));
        assertEquals(CreditChangeState.REJECTED, wf.reject(filed, days(2)).state());
        CreditChangeRequest hq = wf.approve(filed, days(2));
        assertEquals(EnumSet.of(APPROVE, REJECT, EXTEND, WITHDRAW), wf.allowedActions(hq, days(2)));
        assertEquals(CreditChangeState.REJECTED, wf.reject(hq, days(3)).state());
    }

    @Test
    void closedRequestsAllowNothing() {
        CreditChangeRequest withdrawn = wf.withdraw(opened, days(1));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> wf.approve(withdrawn, days(1)));
        assertTrue(e.allowedActions().isEmpty());
        assertTrue(CreditChangeWorkflow.TRANSITIONS.isTerminal(CreditChangeState.WITHDRAWN));
    }

    @Test
    void lateDecisionIsStillAccepted() {
        CreditChangeRequest filed = wf.approve(opened, days(9));
        assertEquals(CreditChangeState.AWAITING_VERIFICATION, filed.state());
    }

    @Test
    void actionBeforeTheStepStartedIsRejected() {
        CreditChangeRequest filed = wf.approve(opened, days(1));
        assertThrows(IllegalArgumentException.class, () -> wf.approve(filed, days(0.5)));
    }

    @Test
    void overdueListAndEscalationTargets() {
        CreditChangeRequest filing = CreditChangeRequest.open("r-a", "c-a", Optional.empty(), Optional.of(CreditTier.BLACK), "新大客户", T0);
        CreditChangeRequest verifying = wf.approve(CreditChangeRequest.open("r-b", "c-b", Optional.of(CreditTier.RED),
                Optional.of(CreditTier.YELLOW), "交易额增长", T0), days(1));
        CreditChangeRequest atHq = wf.approve(wf.approve(CreditChangeRequest.open("r-c", "c-c", Optional.of(CreditTier.GREEN),
                Optional.of(CreditTier.YELLOW), "回款慢", T0), days(0.5)), days(0.9));
        CreditChangeRequest done = wf.withdraw(CreditChangeRequest.open("r-d", "c-d", Optional.empty(),
                Optional.of(CreditTier.RED), "x", T0), days(0.1));
        Instant now = days(4.5);

        List<OverdueStep> overdue = wf.overdue(List.of(atHq, verifying, filing, done), now);
        assertEquals(List.of("r-a", "r-c", "r-b"), overdue.stream().map(OverdueStep::requestId).toList());
        assertEquals(ApprovalLevel.LARGE_REGION, overdue.get(0).escalateTo());
        assertEquals(ApprovalLevel.MARKETING_DIRECTOR, overdue.get(1).escalateTo());
        assertEquals(ApprovalLevel.HEAD_OFFICE, overdue.get(2).escalateTo());
        assertEquals(Duration.ofHours(60), overdue.get(0).overdueBy());

        CreditChangeRequest escalatedA = wf.escalate(filing, now);
        assertEquals(List.of("r-c", "r-b"), wf.toEscalate(List.of(escalatedA, verifying, atHq), now).stream()
                .map(OverdueStep::requestId).toList());
        assertTrue(wf.overdue(List.of(), now).isEmpty());
    }

    @Test
    void requestMustChangeSomethingAndGiveAReason() {
        assertThrows(IllegalArgumentException.class, () -> CreditChangeRequest.open("r", "c", Optional.of(CreditTier.RED),
                Optional.of(CreditTier.RED), "x", T0));
        assertThrows(IllegalArgumentException.class, () -> CreditChangeRequest.open("r", "c", Optional.empty(),
                Optional.of(CreditTier.RED), " ", T0));
    }

    @Test
    void policyRejectsShorterExtension() {
        assertThrows(IllegalArgumentException.class, () -> new CreditApprovalPolicy(Duration.ofDays(2), Duration.ofDays(3),
                Duration.ofDays(3), Duration.ofDays(2), Duration.ofDays(10)));
    }
}
