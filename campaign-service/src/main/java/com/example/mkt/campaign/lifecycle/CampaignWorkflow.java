package com.example.mkt.campaign.lifecycle;

import com.example.mkt.campaign.review.KeywordCheckResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.example.mkt.campaign.lifecycle.CampaignState.ACTIVE;
import static com.example.mkt.campaign.lifecycle.CampaignState.APPROVED;
import static com.example.mkt.campaign.lifecycle.CampaignState.ARCHIVED;
import static com.example.mkt.campaign.lifecycle.CampaignState.CLOSED;
import static com.example.mkt.campaign.lifecycle.CampaignState.DRAFT;
import static com.example.mkt.campaign.lifecycle.CampaignState.IN_REVIEW;
import static com.example.mkt.campaign.lifecycle.CampaignState.PILOT;
import static com.example.mkt.campaign.lifecycle.CampaignState.SUBMITTED;
import static com.example.mkt.campaign.lifecycle.CampaignState.WITHDRAWN;

/**
 * The moves of the campaign lifecycle (docs/domain.md#campaign-lifecycle). Every move checks the transition table and
 * the campaign's own guards, then returns the new {@link CampaignLifecycle}; nothing is mutated. Illegal moves throw
 * {@link IllegalTransitionException} carrying the allowed next states.
 */
public final class CampaignWorkflow {

    private final LifecyclePolicy policy;
    private final CampaignTransitions transitions;
    private final Clock clock;

    public CampaignWorkflow(LifecyclePolicy policy, Clock clock) {
        this.policy = policy;
        this.transitions = new CampaignTransitions(policy);
        this.clock = clock;
    }

    /**
     * The states this campaign may move to now: the table's, narrowed by its guards (an archived campaign
     * restores only to where it came from; a closed one archives only once evaluated, if the policy says so).
     */
    public Set<CampaignState> allowedNext(CampaignLifecycle campaign) {
        if (campaign.state() == ARCHIVED) {
            return Set.of(campaign.archivedFrom());
        }
        Set<CampaignState> next = EnumSet.noneOf(CampaignState.class);
        next.addAll(transitions.allowedNext(campaign.state()));
        if (campaign.state() == CLOSED && policy.evaluationRequiredToArchive() && !campaign.evaluationRecorded()) {
            next.remove(ARCHIVED);
        }
        return Set.copyOf(next);
    }

    public CampaignLifecycle submit(CampaignLifecycle campaign, String submitter) {
        require(campaign, SUBMITTED, null);
        return new CampaignLifecycle(SUBMITTED, submitter, List.of(), List.of(), campaign.pilotStartedAt(), null,
                false);
    }

    /** The submitter takes the campaign back before review starts. */
    public CampaignLifecycle recall(CampaignLifecycle campaign) {
        if (campaign.state() != SUBMITTED) {
            throw illegal(campaign, DRAFT, "only a submitted campaign can be recalled");
        }
        return campaign.withState(DRAFT);
    }

    /**
     * Review starts with the keyword check's result attached for the reviewers; under
     * {@link KeywordGate#BLOCK} any hit sends the campaign back to DRAFT instead.
     */
    public CampaignLifecycle startReview(CampaignLifecycle campaign, KeywordCheckResult keywordCheck) {
        if (campaign.state() != SUBMITTED) {
            throw illegal(campaign, IN_REVIEW, null);
        }
        CampaignState next = policy.keywordGate() == KeywordGate.BLOCK && !keywordCheck.isClean() ? DRAFT : IN_REVIEW;
        return new CampaignLifecycle(next, campaign.submittedBy(), keywordCheck.hits(), List.of(),
                campaign.pilotStartedAt(), null, campaign.evaluationRecorded());
    }

    /** The role whose decision is awaited, empty when the campaign is not in review. */
    public Optional<String> awaitedRole(CampaignLifecycle campaign) {
        if (campaign.state() != IN_REVIEW) {
            return Optional.empty();
        }
        return Optional.of(policy.approvalChain().roles().get(campaign.decisions().size()));
    }

    /**
     * One level's decision. Levels decide in chain order; approval by the last level makes the campaign
     * APPROVED, a rejection at any level returns it to DRAFT (the decisions stay visible until the next
     * submission).
     */
    public CampaignLifecycle decide(CampaignLifecycle campaign, String role, String actor, ApprovalVerdict verdict,
                                    String comment) {
        CampaignState target = verdict == ApprovalVerdict.REJECT ? DRAFT : APPROVED;
        if (campaign.state() != IN_REVIEW) {
            throw illegal(campaign, target, "no review in progress");
        }
        String expected = awaitedRole(campaign).orElseThrow();
        if (!expected.equals(role)) {
            throw new ApprovalNotPermittedException(ApprovalNotPermittedException.Reason.OUT_OF_TURN, expected,
                    "awaiting " + expected + ", not " + role);
        }
        if (!policy.submitterMayApprove() && actor.equals(campaign.submittedBy())) {
            throw new ApprovalNotPermittedException(ApprovalNotPermittedException.Reason.SUBMITTER_CANNOT_APPROVE,
                    expected, actor + " submitted this campaign");
        }
        if (campaign.decisions().stream().anyMatch(d -> d.actor().equals(actor))) {
            throw new ApprovalNotPermittedException(ApprovalNotPermittedException.Reason.SAME_ACTOR_TWICE, expected,
                    actor + " already decided a level of this review");
        }
        if (verdict == ApprovalVerdict.REJECT && policy.rejectionCommentRequired()
                && (comment == null || comment.isBlank())) {
            throw new ApprovalNotPermittedException(ApprovalNotPermittedException.Reason.COMMENT_REQUIRED, expected,
                    "a rejection needs a comment");
        }
        List<ApprovalDecision> decisions = new ArrayList<>(campaign.decisions());
        decisions.add(new ApprovalDecision(role, actor, verdict, comment, clock.instant()));
        CampaignState next;
        if (verdict == ApprovalVerdict.REJECT) {
            next = DRAFT;
        } else if (decisions.size() == policy.approvalChain().levels()) {
            next = APPROVED;
        } else {
            next = IN_REVIEW;
        }
        return new CampaignLifecycle(next, campaign.submittedBy(), campaign.keywordHits(), decisions,
                campaign.pilotStartedAt(), null, campaign.evaluationRecorded());
    }

    /** An approved campaign is opened for changes; it must pass approval again. */
    public CampaignLifecycle reopen(CampaignLifecycle campaign) {
        if (campaign.state() != APPROVED) {
            throw illegal(campaign, DRAFT, "only an approved campaign can be reopened");
        }
        return campaign.withState(DRAFT);
    }

    public CampaignLifecycle startPilot(CampaignLifecycle campaign) {
        require(campaign, PILOT, null);
        return new CampaignLifecycle(PILOT, campaign.submittedBy(), campaign.keywordHits(), campaign.decisions(),
                clock.instant(), null, false);
    }

    /** When a pilot started at {@code startedAt} reaches its maximum duration, counted in the business zone. */
    public Instant pilotDeadline(Instant startedAt) {
        return startedAt.atZone(policy.zone()).plus(policy.maxPilotDuration()).toInstant();
    }

    /** How the running pilot stands at {@code at}; empty when the campaign is not piloting. */
    public Optional<PilotStatus> pilotStatus(CampaignLifecycle campaign, Instant at) {
        if (campaign.state() != PILOT) {
            return Optional.empty();
        }
        Instant deadline = pilotDeadline(campaign.pilotStartedAt());
        return Optional.of(new PilotStatus(deadline, at.isAfter(deadline), Duration.between(at, deadline)));
    }

    /** The pilot report decides: roll out, revise, or stop. */
    public CampaignLifecycle concludePilot(CampaignLifecycle campaign, PilotReport report) {
        CampaignState target = switch (report.outcome()) {
            case PROCEED -> ACTIVE;
            case REVISE -> DRAFT;
            case STOP -> CLOSED;
        };
        if (campaign.state() != PILOT) {
            throw illegal(campaign, target, "no pilot in progress");
        }
        return campaign.withState(target);
    }

    /** Straight from APPROVED to ACTIVE, only when the policy does not require a pilot. */
    public CampaignLifecycle activate(CampaignLifecycle campaign) {
        if (campaign.state() == PILOT) {
            throw illegal(campaign, ACTIVE, "a pilot ends with its report");
        }
        require(campaign, ACTIVE, policy.pilotRequired() ? "a pilot is required first" : null);
        return campaign.withState(ACTIVE);
    }

    public CampaignLifecycle close(CampaignLifecycle campaign) {
        if (campaign.state() != ACTIVE) {
            throw illegal(campaign, CLOSED, campaign.state() == PILOT ? "a pilot ends with its report" : null);
        }
        return campaign.withState(CLOSED);
    }

    public CampaignLifecycle recordEvaluation(CampaignLifecycle campaign) {
        if (campaign.state() != CLOSED) {
            throw new IllegalStateException("an evaluation is recorded for a closed campaign, this one is "
                    + campaign.state());
        }
        return new CampaignLifecycle(CLOSED, campaign.submittedBy(), campaign.keywordHits(), campaign.decisions(),
                campaign.pilotStartedAt(), null, true);
    }

    public CampaignLifecycle archive(CampaignLifecycle campaign) {
        require(campaign, ARCHIVED, campaign.state() == CLOSED ? "the evaluation is not recorded yet" : null);
        return new CampaignLifecycle(ARCHIVED, campaign.submittedBy(), campaign.keywordHits(), campaign.decisions(),
                campaign.pilotStartedAt(), campaign.state(), campaign.evaluationRecorded());
    }

    /** Back to the state it was archived from ("紧急恢复"). */
    public CampaignLifecycle restore(CampaignLifecycle campaign) {
        if (campaign.state() != ARCHIVED) {
            throw illegal(campaign, CLOSED, "only an archived campaign can be restored");
        }
        return campaign.withState(campaign.archivedFrom());
    }

    /** Withdrawn from any state in which it has not ended yet; the reason goes on the record. */
    public CampaignLifecycle withdraw(CampaignLifecycle campaign, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a withdrawal needs a reason");
        }
        require(campaign, WITHDRAWN, null);
        return campaign.withState(WITHDRAWN);
    }

    private void require(CampaignLifecycle campaign, CampaignState target, String detail) {
        if (!allowedNext(campaign).contains(target)) {
            throw illegal(campaign, target, detail);
        }
    }

    private IllegalTransitionException illegal(CampaignLifecycle campaign, CampaignState target, String detail) {
        return new IllegalTransitionException(campaign.state(), target, allowedNext(campaign), detail);
    }
}
