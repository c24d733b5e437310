package com.example.mkt.customer.complaint;

import com.example.mkt.customer.workflow.IllegalTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static com.example.mkt.customer.complaint.ComplaintAction.ASSIGN;
import static com.example.mkt.customer.complaint.ComplaintAction.ESCALATE;
import static com.example.mkt.customer.complaint.ComplaintAction.REOPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplaintWorkflowTest {

    private static final Instant T0 = Instant.parse("2026-05-04T01:00:00Z");
    private final ComplaintWorkflow wf = new ComplaintWorkflow(ComplaintSlaPolicy.defaults());

    private Complaint received(ComplaintSeverity severity) {
        return wf.receive("k1", "c-1", ComplaintChannel.HOTLINE, "服务态度", severity, "客服态度差，电话无人接听", T0).complaint();
    }

    private static Instant hours(double h) {
        return T0.plus(Duration.ofSeconds((long) (h * 3600)));
    }

    @Test
    void fullLifecycleAndSurveyOnClose() {
        Complaint c = received(ComplaintSeverity.MEDIUM);
        assertEquals(ComplaintState.NEW, c.state());
        assertEquals("客服态度差，电话无人接听", c.content());
        c = wf.assign(c, "agent-1", hours(1)).complaint();
        assertTrue(c.firstRespondedAt().isEmpty(), "assigning is internal, not a response");
        c = wf.start(c, hours(2)).complaint();
        assertEquals(Optional.of(hours(2)), c.firstRespondedAt());
        c = wf.resolve(c, hours(30)).complaint();
        ComplaintUpdate closed = wf.close(c, hours(40));
        assertEquals(ComplaintState.CLOSED, closed.complaint().state());
        assertTrue(closed.surveyRequested());
        SlaReport sla = wf.sla(closed.complaint(), hours(100));
        assertEquals(SlaStatus.MET, sla.firstResponse());
        assertEquals(SlaStatus.MET, sla.resolution());
    }

    @Test
    void seriousGoesStraightToTheCentreDirector() {
        ComplaintUpdate u = wf.receive("k2", "c-1", ComplaintChannel.VISIT, "安全", ComplaintSeverity.SERIOUS, "重大事故", T0);
        assertEquals(ComplaintState.ESCALATED, u.complaint().state());
        assertEquals(EscalationLevel.CENTRE_DIRECTOR, u.complaint().escalationLevel());
        assertEquals(Optional.of(EscalationLevel.CENTRE_DIRECTOR), u.escalatedTo());
        assertFalse(wf.allowedActions(u.complaint(), T0).contains(ESCALATE));
    }

    @ParameterizedTest
    @EnumSource(value = ComplaintSeverity.class, names = {"LOW", "MEDIUM", "HIGH"})
    void othersStartNew(ComplaintSeverity severity) {
        assertEquals(ComplaintState.NEW, received(severity).state());
        assertEquals(EscalationLevel.NONE, received(severity).escalationLevel());
    }

    @Test
    void firstResponseDeadlineIsTwentyFourHoursInclusive() {
        Complaint c = wf.assign(received(ComplaintSeverity.LOW), "agent-1", hours(1)).complaint();
        assertEquals(SlaStatus.PENDING, wf.sla(c, hours(24)).firstResponse());
        assertEquals(SlaStatus.BREACHED, wf.sla(c, hours(24).plusNanos(1)).firstResponse());
        assertEquals(SlaStatus.MET, wf.sla(wf.start(c, hours(24)).complaint(), hours(50)).firstResponse());
        assertEquals(SlaStatus.BREACHED, wf.sla(wf.start(c, hours(24).plusSeconds(1)).complaint(), hours(50)).firstResponse());
    }

    @Test
    void resolutionDeadlinesBySeverity() {
        assertEquals(hours(7 * 24), wf.resolutionDue(received(ComplaintSeverity.LOW)));
        assertEquals(hours(72), wf.resolutionDue(received(ComplaintSeverity.MEDIUM)));
        assertEquals(hours(48), wf.resolutionDue(received(ComplaintSeverity.HIGH)));
        assertEquals(hours(24), wf.resolutionDue(received(ComplaintSeverity.SERIOUS)));
    }

    @Test
    void resolvedExactlyAtTheDeadlineIsMet() {
        Complaint c = wf.assign(received(ComplaintSeverity.HIGH), "a", hours(1)).complaint();
        assertEquals(SlaStatus.MET, wf.sla(wf.resolve(c, hours(48)).complaint(), hours(60)).resolution());
        assertEquals(SlaStatus.BREACHED, wf.sla(wf.resolve(c, hours(48).plusMillis(1)).complaint(), hours(60)).resolution());
    }

    @Test
    void breachesEscalateOneLevelOnce() {
        Complaint c = wf.assign(received(ComplaintSeverity.HIGH), "a", hours(1)).complaint();
        assertTrue(wf.breaches(List.of(c), hours(24)).isEmpty());
        List<SlaBreach> breaches = wf.breaches(List.of(c), hours(25));
        assertEquals(List.of(new SlaBreach("k1", SlaKind.FIRST_RESPONSE, hours(24), EscalationLevel.SUPERVISOR)), breaches);

        ComplaintUpdate u = wf.escalateBreach(c, SlaKind.FIRST_RESPONSE, hours(25));
        assertEquals(ComplaintState.ESCALATED, u.complaint().state());
        assertEquals(Optional.of(EscalationLevel.SUPERVISOR), u.escalatedTo());
        assertTrue(wf.breaches(List.of(u.complaint()), hours(26)).isEmpty(), "not escalated twice");
        assertEquals(u.complaint(), wf.escalateBreach(u.complaint(), SlaKind.FIRST_RESPONSE, hours(26)).complaint());

        List<SlaBreach> later = wf.breaches(List.of(u.complaint()), hours(49));
        assertEquals(List.of(new SlaBreach("k1", SlaKind.RESOLUTION, hours(48), EscalationLevel.CENTRE_DIRECTOR)), later);
        Complaint top = wf.escalateBreach(u.complaint(), SlaKind.RESOLUTION, hours(49)).complaint();
        assertEquals(EscalationLevel.CENTRE_DIRECTOR, top.escalationLevel());
    }

    @Test
    void breachesAreSortedAndClosedOnesIgnored() {
        Complaint low = wf.receive("b", "c", ComplaintChannel.WEB, "x", ComplaintSeverity.LOW, "x", T0.plusSeconds(10)).complaint();
        Complaint high = wf.receive("a", "c", ComplaintChannel.EMAIL, "x", ComplaintSeverity.HIGH, "x", T0).complaint();
        List<SlaBreach> found = wf.breaches(List.of(low, high), hours(200));
        assertEquals(List.of("a", "b", "a", "b"), found.stream().map(SlaBreach::complaintId).toList());
        assertEquals(List.of(SlaKind.FIRST_RESPONSE, SlaKind.FIRST_RESPONSE, SlaKind.RESOLUTION, SlaKind.RESOLUTION),
                found.stream().map(SlaBreach::kind).toList());
    }

    @Test
    void startAndResolveNeedAnAssignee() {
        Complaint serious = wf.receive("k", "c", ComplaintChannel.HOTLINE, "x", ComplaintSeverity.SERIOUS, "x", T0).complaint();
        assertEquals(EnumSet.of(ASSIGN), wf.allowedActions(serious, T0));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> wf.start(serious, T0));
        assertEquals(ComplaintState.ESCALATED, e.currentState());
        assertEquals(List.of("ASSIGN"), e.allowedActionNames());
    }

    @Test
    void reopenRestartsTheResolutionClockWithinThirtyDays() {
        Complaint c = wf.assign(received(ComplaintSeverity.MEDIUM), "a", hours(1)).complaint();
        c = wf.close(wf.resolve(c, hours(10)).complaint(), hours(20)).complaint();
        Instant closedAt = hours(20);
        assertTrue(wf.allowedActions(c, closedAt.plus(Duration.ofDays(30))).contains(REOPEN));
        assertFalse(wf.allowedActions(c, closedAt.plus(Duration.ofDays(30)).plusNanos(1)).contains(REOPEN));
        Complaint finalC = c;
        assertThrows(IllegalTransitionException.class, () -> wf.reopen(finalC, closedAt.plus(Duration.ofDays(31))));

        Complaint reopened = wf.reopen(c, hours(100)).complaint();
        assertEquals(ComplaintState.REOPENED, reopened.state());
        assertEquals(1, reopened.reopenCount());
        assertTrue(reopened.resolvedAt().isEmpty());
        assertTrue(reopened.closedAt().isEmpty());
        assertEquals(hours(172), wf.resolutionDue(reopened));
        assertEquals(SlaStatus.PENDING, wf.sla(reopened, hours(172)).resolution());
    }

    @Test
    void resolvedMayBeReopenedOrClosedButNotRestarted() {
        Complaint c = wf.resolve(wf.assign(received(ComplaintSeverity.LOW), "a", hours(1)).complaint(), hours(2)).complaint();
        assertEquals(EnumSet.of(ComplaintAction.CLOSE, REOPEN), wf.allowedActions(c, hours(3)));
        assertEquals(Optional.of(hours(2)), c.firstRespondedAt(), "resolving is also a response");
    }

    @Test
    void explicitResponseStopsTheFirstResponseClock() {
        Complaint c = wf.respond(received(ComplaintSeverity.LOW), hours(3)).complaint();
        assertEquals(ComplaintState.NEW, c.state());
        assertEquals(SlaStatus.MET, wf.sla(c, hours(30)).firstResponse());
        assertEquals(Optional.of(hours(3)), wf.respond(c, hours(5)).complaint().firstRespondedAt(), "first one counts");
    }

    @Test
    void manualEscalationClimbs() {
        Complaint c = received(ComplaintSeverity.LOW);
        ComplaintUpdate u = wf.escalate(c, hours(1));
        assertEquals(EscalationLevel.SUPERVISOR, u.complaint().escalationLevel());
        ComplaintUpdate u2 = wf.escalate(u.complaint(), hours(2));
        assertEquals(EscalationLevel.CENTRE_DIRECTOR, u2.complaint().escalationLevel());
        assertThrows(IllegalTransitionException.class, () -> wf.escalate(u2.complaint(), hours(3)));
    }

    @Test
    void transitionTableIsComplete() {
        for (ComplaintState s : ComplaintState.values()) {
            assertFalse(ComplaintWorkflow.TRANSITIONS.isTerminal(s), s + " must have a way out");
        }
        assertEquals(EnumSet.of(ComplaintState.REOPENED), ComplaintWorkflow.TRANSITIONS.allowedTargets(ComplaintState.CLOSED));
    }

    @Test
    void actionsCannotPrecedeReceipt() {
        assertThrows(IllegalArgumentException.class, () -> wf.assign(received(ComplaintSeverity.LOW), "a", T0.minusSeconds(1)));
    }

    @Test
    void contentIsRequired() {
        assertThrows(IllegalArgumentException.class,
                () -> wf.receive("k", "c", ComplaintChannel.WEB, "x", ComplaintSeverity.LOW, " ", T0));
    }
}
