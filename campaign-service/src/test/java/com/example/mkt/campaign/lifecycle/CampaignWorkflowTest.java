package com.example.mkt.campaign.lifecycle;

import com.example.mkt.campaign.review.KeywordCheckResult;
import com.example.mkt.campaign.review.KeywordHit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static com.example.mkt.campaign.lifecycle.ApprovalVerdict.APPROVE;
import static com.example.mkt.campaign.lifecycle.ApprovalVerdict.REJECT;
import static com.example.mkt.campaign.lifecycle.CampaignState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-01-31T16:00:00Z");
    private static final KeywordHit HIT = new KeywordHit("theme", "第一", 0, "第一");

    private final CampaignWorkflow workflow = workflow(LifecyclePolicy.defaults(), NOW);

    private static CampaignWorkflow workflow(LifecyclePolicy policy, Instant now) {
        return new CampaignWorkflow(policy, Clock.fixed(now, ZoneOffset.UTC));
    }

    private CampaignLifecycle inReview() {
        CampaignLifecycle submitted = workflow.submit(CampaignLifecycle.draft(), "alice");
        return workflow.startReview(submitted, KeywordCheckResult.clean());
    }

    private CampaignLifecycle approved() {
        CampaignLifecycle c = inReview();
        c = workflow.decide(c, "manager", "bob", APPROVE, "");
        c = workflow.decide(c, "marketing_director", "carol", APPROVE, "ok");
        return workflow.decide(c, "gm", "dave", APPROVE, null);
    }

    private CampaignLifecycle active() {
        CampaignLifecycle pilot = workflow.startPilot(approved());
        return workflow.concludePilot(pilot, new PilotReport(PilotOutcome.PROCEED, "erin", "试点效果良好"));
    }

    private CampaignLifecycle closed() {
        return workflow.close(active());
    }

    @Nested
    class Approval {

        @Test
        void everyLevelInOrderApproves() {
            CampaignLifecycle c = inReview();
            assertEquals("manager", workflow.awaitedRole(c).orElseThrow());
            c = workflow.decide(c, "manager", "bob", APPROVE, "");
            assertEquals(IN_REVIEW, c.state());
            assertEquals("marketing_director", workflow.awaitedRole(c).orElseThrow());
            c = workflow.decide(c, "marketing_director", "carol", APPROVE, "");
            assertEquals(IN_REVIEW, c.state());
            c = workflow.decide(c, "gm", "dave", APPROVE, "同意");
            assertEquals(APPROVED, c.state());
            assertEquals(3, c.decisions().size());
            assertEquals(NOW, c.decisions().get(2).decidedAt());
            assertEquals("同意", c.decisions().get(2).comment());
            assertTrue(workflow.awaitedRole(c).isEmpty());
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2})
        void aRejectionAtAnyLevelReturnsToDraftWithTheDecisionsVisible(int approvalsBefore) {
            List<String> roles = List.of("manager", "marketing_director", "gm");
            List<String> actors = List.of("bob", "carol", "dave");
            CampaignLifecycle c = inReview();
            for (int i = 0; i < approvalsBefore; i++) {
                c = workflow.decide(c, roles.get(i), actors.get(i), APPROVE, "");
            }
            c = workflow.decide(c, roles.get(approvalsBefore), actors.get(approvalsBefore), REJECT, "主题含绝对化用语");
            assertEquals(DRAFT, c.state());
            assertEquals(approvalsBefore + 1, c.decisions().size());
            assertEquals(REJECT, c.decisions().get(approvalsBefore).verdict());
            CampaignLifecycle resubmitted = workflow.submit(c, "alice");
            assertTrue(resubmitted.decisions().isEmpty(), "a new round starts empty");
        }

        @Test
        void aLevelCannotBeSkipped() {
            ApprovalNotPermittedException e = assertThrows(ApprovalNotPermittedException.class,
                    () -> workflow.decide(inReview(), "gm", "dave", APPROVE, ""));
            assertEquals(ApprovalNotPermittedException.Reason.OUT_OF_TURN, e.reason());
            assertEquals("manager", e.expectedRole());
        }

        @Test
        void theSubmitterCannotApproveTheirOwnCampaign() {
            ApprovalNotPermittedException e = assertThrows(ApprovalNotPermittedException.class,
                    () -> workflow.decide(inReview(), "manager", "alice", APPROVE, ""));
            assertEquals(ApprovalNotPermittedException.Reason.SUBMITTER_CANNOT_APPROVE, e.reason());
        }

        @Test
        void onePersonDecidesOneLevelOnly() {
            CampaignLifecycle c = workflow.decide(inReview(), "manager", "bob", APPROVE, "");
            CampaignLifecycle afterFirst = c;
            ApprovalNotPermittedException e = assertThrows(ApprovalNotPermittedException.class,
                    () -> workflow.decide(afterFirst, "marketing_director", "bob", APPROVE, ""));
            assertEquals(ApprovalNotPermittedException.Reason.SAME_ACTOR_TWICE, e.reason());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void aRejectionNeedsAComment(String comment) {
            ApprovalNotPermittedException e = assertThrows(ApprovalNotPermittedException.class,
                    () -> workflow.decide(inReview(), "manager", "bob", REJECT, comment));
            assertEquals(ApprovalNotPermittedException.Reason.COMMENT_REQUIRED, e.reason());
            assertThrows(ApprovalNotPermittedException.class,
                    () -> workflow.decide(inReview(), "manager", "bob", REJECT, null));
        }

        @Test
        void aConfiguredSingleLevelChainApprovesAtOnce() {
            CampaignWorkflow oneLevel = workflow(LifecyclePolicy.defaults().withApprovalChain(ApprovalChain.of("gm")), NOW);
            CampaignLifecycle c = oneLevel.startReview(oneLevel.submit(CampaignLifecycle.draft(), "alice"),
                    KeywordCheckResult.clean());
            assertEquals(APPROVED, oneLevel.decide(c, "gm", "dave", APPROVE, "").state());
        }

        @Test
        void decidingOutsideReviewIsAnIllegalTransition() {
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                    () -> workflow.decide(CampaignLifecycle.draft(), "manager", "bob", APPROVE, ""));
            assertEquals(DRAFT, e.current());
            assertEquals(APPROVED, e.attempted());
            assertEquals(Set.of(SUBMITTED, WITHDRAWN), e.allowed());
        }

        @Test
        void chainsRejectDuplicateAndMissingRoles() {
            assertThrows(IllegalArgumentException.class, () -> ApprovalChain.of("manager", "manager"));
            assertThrows(IllegalArgumentException.class, () -> new ApprovalChain(List.of()));
            assertThrows(IllegalArgumentException.class, () -> ApprovalChain.of("manager", " "));
        }
    }

    @Nested
    class KeywordCheck {

        @Test
        void underFlagHitsGoToTheReviewers() {
            CampaignLifecycle c = workflow.startReview(workflow.submit(CampaignLifecycle.draft(), "alice"),
                    new KeywordCheckResult(List.of(HIT)));
            assertEquals(IN_REVIEW, c.state());
            assertEquals(List.of(HIT), c.keywordHits());
        }

        @Test
        void underBlockAHitSendsTheCampaignBackToDraft() {
            CampaignWorkflow blocking = workflow(LifecyclePolicy.defaults().withKeywordGate(KeywordGate.BLOCK), NOW);
            CampaignLifecycle submitted = blocking.submit(CampaignLifecycle.draft(), "alice");
            CampaignLifecycle c = blocking.startReview(submitted, new KeywordCheckResult(List.of(HIT)));
            assertEquals(DRAFT, c.state());
            assertEquals(List.of(HIT), c.keywordHits());
            assertEquals(IN_REVIEW, blocking.startReview(submitted, KeywordCheckResult.clean()).state());
        }

        @Test
        void aSubmitterMayRecallBeforeReviewStarts() {
            CampaignLifecycle submitted = workflow.submit(CampaignLifecycle.draft(), "alice");
            assertEquals(DRAFT, workflow.recall(submitted).state());
            assertThrows(IllegalTransitionException.class, () -> workflow.recall(inReview()));
        }
    }

    @Nested
    class Pilot {

        @Test
        void theDeadlineIsThreeCalendarMonthsInShanghai() {
            // 2026-01-31T16:00Z is already 1 February 00:00 in Shanghai, so the pilot may run until 1 May 00:00 there.
            assertEquals(Instant.parse("2026-04-30T16:00:00Z"), workflow.pilotDeadline(NOW));
            // 15:59:59Z is still 31 January in Shanghai: three months later is 30 April (April has no 31st).
            assertEquals(Instant.parse("2026-04-30T15:59:59Z"),
                    workflow.pilotDeadline(Instant.parse("2026-01-31T15:59:59Z")));
        }

        @ParameterizedTest
        @CsvSource({
                "2026-04-30T15:59:59Z, false, PT1S",
                "2026-04-30T16:00:00Z, false, PT0S",
                "2026-04-30T16:00:01Z, true, PT-1S"})
        void aPilotIsOverdueOnlyAfterExactlyThreeMonths(Instant at, boolean overdue, Duration remaining) {
            CampaignLifecycle pilot = workflow.startPilot(approved());
            assertEquals(NOW, pilot.pilotStartedAt());
            PilotStatus status = workflow.pilotStatus(pilot, at).orElseThrow();
            assertEquals(overdue, status.overdue());
            assertEquals(remaining, status.remaining());
            assertEquals(Instant.parse("2026-04-30T16:00:00Z"), status.deadline());
        }

        @Test
        void noPilotStatusOutsideAPilot() {
            assertTrue(workflow.pilotStatus(approved(), NOW).isEmpty());
            assertTrue(workflow.pilotStatus(active(), NOW).isEmpty());
        }

        @ParameterizedTest
        @CsvSource({"PROCEED, ACTIVE", "REVISE, DRAFT", "STOP, CLOSED"})
        void theReportDecides(PilotOutcome outcome, CampaignState expected) {
            CampaignLifecycle pilot = workflow.startPilot(approved());
            assertEquals(expected, workflow.concludePilot(pilot, new PilotReport(outcome, "erin", "报告")).state());
        }

        @Test
        void aReportNeedsASummary() {
            assertThrows(IllegalArgumentException.class, () -> new PilotReport(PilotOutcome.PROCEED, "erin", " "));
        }

        @Test
        void aPilotCannotBeSkippedWhenRequired() {
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                    () -> workflow.activate(approved()));
            assertEquals(APPROVED, e.current());
            assertEquals(ACTIVE, e.attempted());
            assertEquals(Set.of(PILOT, DRAFT, WITHDRAWN), e.allowed());
        }

        @Test
        void withoutRequiredPilotAnApprovedCampaignActivates() {
            CampaignWorkflow noPilot = workflow(LifecyclePolicy.defaults().withPilotRequired(false), NOW);
            CampaignLifecycle c = noPilot.startReview(noPilot.submit(CampaignLifecycle.draft(), "alice"),
                    KeywordCheckResult.clean());
            c = noPilot.decide(c, "manager", "bob", APPROVE, "");
            c = noPilot.decide(c, "marketing_director", "carol", APPROVE, "");
            c = noPilot.decide(c, "gm", "dave", APPROVE, "");
            assertEquals(ACTIVE, noPilot.activate(c).state());
        }

        @Test
        void aPilotEndsWithItsReportNotWithActivateOrClose() {
            CampaignLifecycle pilot = workflow.startPilot(approved());
            assertThrows(IllegalTransitionException.class, () -> workflow.activate(pilot));
            assertThrows(IllegalTransitionException.class, () -> workflow.close(pilot));
        }
    }

    @Nested
    class EndOfLife {

        @Test
        void aClosedCampaignArchivesOnlyOnceEvaluated() {
            CampaignLifecycle closed = closed();
            assertEquals(Set.of(), workflow.allowedNext(closed));
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> workflow.archive(closed));
            assertEquals(CLOSED, e.current());
            assertEquals(ARCHIVED, e.attempted());
            assertEquals(Set.of(), e.allowed());

            CampaignLifecycle evaluated = workflow.recordEvaluation(closed);
            assertEquals(Set.of(ARCHIVED), workflow.allowedNext(evaluated));
            CampaignLifecycle archived = workflow.archive(evaluated);
            assertEquals(ARCHIVED, archived.state());
            assertEquals(CLOSED, archived.archivedFrom());
            assertEquals(Set.of(CLOSED), workflow.allowedNext(archived));

            CampaignLifecycle restored = workflow.restore(archived);
            assertEquals(CLOSED, restored.state());
            assertTrue(restored.evaluationRecorded());
            assertEquals(null, restored.archivedFrom());
        }

        @Test
        void aWithdrawnCampaignArchivesAndRestoresToWithdrawn() {
            CampaignLifecycle withdrawn = workflow.withdraw(CampaignLifecycle.draft(), "重复立项");
            CampaignLifecycle archived = workflow.archive(withdrawn);
            assertEquals(Set.of(WITHDRAWN), workflow.allowedNext(archived));
            assertEquals(WITHDRAWN, workflow.restore(archived).state());
        }

        @Test
        void anEvaluationBelongsToAClosedCampaign() {
            assertThrows(IllegalStateException.class, () -> workflow.recordEvaluation(active()));
        }

        @Test
        void restoringSomethingNotArchivedIsIllegal() {
            assertThrows(IllegalTransitionException.class, () -> workflow.restore(closed()));
        }

        @Test
        void anArchiveRemembersWhereItCameFrom() {
            assertThrows(IllegalArgumentException.class,
                    () -> new CampaignLifecycle(ARCHIVED, null, null, null, null, null, true));
            assertThrows(IllegalArgumentException.class,
                    () -> new CampaignLifecycle(CLOSED, null, null, null, null, CLOSED, true));
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void fromEveryRunningState() {
            List<CampaignLifecycle> running = List.of(CampaignLifecycle.draft(),
                    workflow.submit(CampaignLifecycle.draft(), "alice"), inReview(), approved(),
                    workflow.startPilot(approved()), active());
            for (CampaignLifecycle c : running) {
                assertFalse(c.state().isFinal());
                assertEquals(WITHDRAWN, workflow.withdraw(c, "预算取消").state(), c.state().name());
            }
        }

        @Test
        void notOnceEnded() {
            CampaignLifecycle closed = closed();
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                    () -> workflow.withdraw(closed, "太晚了"));
            assertEquals(CLOSED, e.current());
            assertEquals(WITHDRAWN, e.attempted());
            CampaignLifecycle withdrawn = workflow.withdraw(active(), "x");
            assertThrows(IllegalTransitionException.class, () -> workflow.withdraw(withdrawn, "again"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void needsAReason(String reason) {
            assertThrows(IllegalArgumentException.class, () -> workflow.withdraw(CampaignLifecycle.draft(), reason));
        }
    }

    @Test
    void anApprovedCampaignReopensForChangesAndMustBeApprovedAgain() {
        CampaignLifecycle reopened = workflow.reopen(approved());
        assertEquals(DRAFT, reopened.state());
        assertEquals(SUBMITTED, workflow.submit(reopened, "alice").state());
        assertThrows(IllegalTransitionException.class, () -> workflow.reopen(active()));
    }

    @Test
    void submittingTwiceIsIllegal() {
        CampaignLifecycle submitted = workflow.submit(CampaignLifecycle.draft(), "alice");
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> workflow.submit(submitted, "alice"));
        assertEquals(SUBMITTED, e.current());
        assertEquals(SUBMITTED, e.attempted());
        assertEquals(Set.of(IN_REVIEW, DRAFT, WITHDRAWN), e.allowed());
        assertTrue(e.getMessage().contains("SUBMITTED"));
    }
}
