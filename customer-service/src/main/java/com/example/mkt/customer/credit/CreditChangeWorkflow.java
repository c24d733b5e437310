package com.example.mkt.customer.credit;

import com.example.mkt.customer.workflow.TransitionTable;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The approval of a manual credit-tier change (docs/domain.md#credit-tiers): regional office files, large region
 * verifies, head office approves; overdue steps escalate to the level above. Any open step may be
 * withdrawn (the criteria no longer hold); the filing step cannot be rejected, only withdrawn, because
 * the regional office is the one proposing.
 *
 * <p>Guards on top of {@link #TRANSITIONS}: ESCALATE only when the step is overdue and not yet
 * escalated; EXTEND only once. Decisions after a deadline are still accepted: a late answer beats none,
 * and the breach stays visible through {@link #overdue}.
 */
public final class CreditChangeWorkflow {

    public static final TransitionTable<CreditChangeState, CreditChangeAction> TRANSITIONS =
            TransitionTable.builder("credit-change-request", CreditChangeState.class, CreditChangeAction.class)
                    .on(CreditChangeState.AWAITING_FILING, CreditChangeAction.APPROVE, CreditChangeState.AWAITING_VERIFICATION)
                    .on(CreditChangeState.AWAITING_FILING, CreditChangeAction.ESCALATE, CreditChangeState.AWAITING_FILING)
                    .on(CreditChangeState.AWAITING_FILING, CreditChangeAction.WITHDRAW, CreditChangeState.WITHDRAWN)
                    .on(CreditChangeState.AWAITING_VERIFICATION, CreditChangeAction.APPROVE, CreditChangeState.AWAITING_HQ_APPROVAL)
                    .on(CreditChangeState.AWAITING_VERIFICATION, CreditChangeAction.REJECT, CreditChangeState.REJECTED)
                    .on(CreditChangeState.AWAITING_VERIFICATION, CreditChangeAction.ESCALATE, CreditChangeState.AWAITING_VERIFICATION)
                    .on(CreditChangeState.AWAITING_VERIFICATION, CreditChangeAction.WITHDRAW, CreditChangeState.WITHDRAWN)
                    .on(CreditChangeState.AWAITING_HQ_APPROVAL, CreditChangeAction.APPROVE, CreditChangeState.APPROVED)
                    .on(CreditChangeState.AWAITING_HQ_APPROVAL, CreditChangeAction.REJECT, CreditChangeState.REJECTED)
                    .on(CreditChangeState.AWAITING_HQ_APPROVAL, CreditChangeAction.ESCALATE, CreditChangeState.AWAITING_HQ_APPROVAL)
                    .on(CreditChangeState.AWAITING_HQ_APPROVAL, CreditChangeAction.EXTEND, CreditChangeState.AWAITING_HQ_APPROVAL)
                    .on(CreditChangeState.AWAITING_HQ_APPROVAL, CreditChangeAction.WITHDRAW, CreditChangeState.WITHDRAWN)
                    .build();

    private final CreditApprovalPolicy policy;

    public CreditChangeWorkflow(CreditApprovalPolicy policy) {
        this.policy = policy;
    }

    /** The whole request must be decided by then. */
    public Instant overallDue(CreditChangeRequest request) {
        return request.triggeredAt().plus(policy.overall());
    }

    /** Deadline of the current step; empty once the request is closed. */
    public Optional<Instant> stepDue(CreditChangeRequest request) {
        Duration allowed = switch (request.state()) {
            case AWAITING_FILING -> policy.filing();
            case AWAITING_VERIFICATION -> policy.verification();
            case AWAITING_HQ_APPROVAL -> request.hqExtended() ? policy.hqApprovalExtended() : policy.hqApproval();
            default -> null;
        };
        if (allowed == null) {
            return Optional.empty();
        }
        Instant own = request.stepStartedAt().plus(allowed);
        Instant overall = overallDue(request);
        return Optional.of(own.isAfter(overall) ? overall : own);
    }

    /** Overdue strictly after the deadline: a decision at the deadline instant is on time. */
    public boolean isOverdue(CreditChangeRequest request, Instant now) {
        return stepDue(request).map(now::isAfter).orElse(false);
    }

    /** Level currently responsible for the request; the level above once the step is escalated. */
    public Optional<ApprovalLevel> owner(CreditChangeRequest request) {
        return stepOwner(request.state()).map(level -> request.isEscalated() ? level.above().orElse(level) : level);
    }

    public Set<CreditChangeAction> allowedActions(CreditChangeRequest request, Instant now) {
        EnumSet<CreditChangeAction> allowed = EnumSet.noneOf(CreditChangeAction.class);
        allowed.addAll(TRANSITIONS.allowedActions(request.state()));
        if (!isOverdue(request, now) || request.isEscalated()) {
            allowed.remove(CreditChangeAction.ESCALATE);
        }
        if (request.hqExtended()) {
            allowed.remove(CreditChangeAction.EXTEND);
        }
        return allowed;
    }

    public CreditChangeRequest apply(CreditChangeRequest request, CreditChangeAction action, Instant at) {
        Objects.requireNonNull(at, "at");
        if (at.isBefore(request.stepStartedAt())) {
            throw new IllegalArgumentException("action at " + at + " precedes the current step (" + request.stepStartedAt() + ")");
        }
        CreditChangeState next = TRANSITIONS.require(request.state(), action, allowedActions(request, at));
        return switch (action) {
            case ESCALATE -> request.escalated();
            case EXTEND -> request.extended();
            default -> request.moveTo(next, at);
        };
    }

    public CreditChangeRequest approve(CreditChangeRequest request, Instant at) {
        return apply(request, CreditChangeAction.APPROVE, at);
    }

    public CreditChangeRequest reject(CreditChangeRequest request, Instant at) {
        return apply(request, CreditChangeAction.REJECT, at);
    }

    public CreditChangeRequest escalate(CreditChangeRequest request, Instant at) {
        return apply(request, CreditChangeAction.ESCALATE, at);
    }

    public CreditChangeRequest extend(CreditChangeRequest request, Instant at) {
        return apply(request, CreditChangeAction.EXTEND, at);
    }

    public CreditChangeRequest withdraw(CreditChangeRequest request, Instant at) {
        return apply(request, CreditChangeAction.WITHDRAW, at);
    }

    /** Open requests whose current step is overdue at {@code now}, earliest deadline first. */
    public List<OverdueStep> overdue(Collection<CreditChangeRequest> requests, Instant now) {
        return requests.stream()
                .filter(r -> isOverdue(r, now))
                .map(r -> {
                    ApprovalLevel stepOwner = stepOwner(r.state()).orElseThrow();
                    Instant due = stepDue(r).orElseThrow();
                    return new OverdueStep(r.id(), r.customerId(), r.state(), stepOwner,
                            stepOwner.above().orElse(stepOwner), due, Duration.between(due, now), r.isEscalated());
                })
                .sorted(Comparator.comparing(OverdueStep::dueAt).thenComparing(OverdueStep::requestId))
                .toList();
    }

    /** The overdue steps not yet escalated: what a periodic job should escalate now. */
    public List<OverdueStep> toEscalate(Collection<CreditChangeRequest> requests, Instant now) {
        return overdue(requests, now).stream().filter(o -> !o.alreadyEscalated()).toList();
    }

    private static Optional<ApprovalLevel> stepOwner(CreditChangeState state) {
        return switch (state) {
            case AWAITING_FILING -> Optional.of(ApprovalLevel.REGIONAL_OFFICE);
            case AWAITING_VERIFICATION -> Optional.of(ApprovalLevel.LARGE_REGION);
            case AWAITING_HQ_APPROVAL -> Optional.of(ApprovalLevel.HEAD_OFFICE);
            default -> Optional.empty();
        };
    }
}
