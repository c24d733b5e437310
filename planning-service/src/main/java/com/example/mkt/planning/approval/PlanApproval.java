package com.example.mkt.planning.approval;

import com.example.mkt.planning.plan.PlanKind;
import com.example.mkt.planning.validation.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions of one plan and their approval state (docs/domain.md#plan-approval-and-versions): the general manager
 * signs off; approved versions are immutable; changing an approved plan starts a new DRAFT version
 * (number + 1) which, once approved, supersedes the old one. The old version stays in force until then, so the
 * plan is never without an approved version while an amendment is under review.
 *
 * <p>Invariants: version numbers run 1..n; at most one version is open (DRAFT, SUBMITTED, IN_REVIEW, REJECTED)
 * and it is the latest; at most one version is APPROVED. Instances are immutable; every action returns a new one.
 */
public final class PlanApproval {

    private final String planId;
    private final PlanKind kind;
    private final List<PlanVersion> versions;

    private PlanApproval(String planId, PlanKind kind, List<PlanVersion> versions) {
        this.planId = Objects.requireNonNull(planId, "planId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.versions = List.copyOf(versions);
        checkInvariants();
    }

    /** A new plan: version 1, DRAFT. */
    public static ApprovalOutcome start(String planId, PlanKind kind, Actor author, Instant now) {
        PlanVersion first = new PlanVersion(1, ApprovalState.DRAFT, 0, null, author.staffId(), now, now);
        PlanApproval approval = new PlanApproval(planId, kind, List.of(first));
        return new ApprovalOutcome(approval, List.of(
                new ApprovalStep(planId, 1, ApprovalAction.CREATE, null, ApprovalState.DRAFT,
                        author.staffId(), now, null)));
    }

    /** Rebuilds from storage; throws {@link IllegalStateException} when the stored versions break an invariant. */
    public static PlanApproval restore(String planId, PlanKind kind, List<PlanVersion> versions) {
        return new PlanApproval(planId, kind, versions);
    }

    private void checkInvariants() {
        if (versions.isEmpty()) {
            throw new IllegalStateException("plan " + planId + " has no version");
        }
        int open = 0;
        int approved = 0;
        for (int i = 0; i < versions.size(); i++) {
            PlanVersion v = versions.get(i);
            if (v.number() != i + 1) {
                throw new IllegalStateException("plan " + planId + " versions must run 1..n");
            }
            if (v.state().isOpen()) {
                open++;
                if (i != versions.size() - 1) {
                    throw new IllegalStateException("plan " + planId + ": only the latest version may be open");
                }
            }
            if (v.state() == ApprovalState.APPROVED) {
                approved++;
            }
        }
        if (open > 1 || approved > 1) {
            throw new IllegalStateException("plan " + planId + " has " + open + " open and " + approved
                    + " approved versions");
        }
    }

    public String planId() {
        return planId;
    }

    public PlanKind kind() {
        return kind;
    }

    public List<PlanVersion> versions() {
        return versions;
    }

    public PlanVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public PlanVersion version(int number) {
        if (number < 1 || number > versions.size()) {
            throw new UnknownPlanVersionException(planId, number);
        }
        return versions.get(number - 1);
    }

    /** The version in force. */
    public Optional<PlanVersion> approved() {
        return versions.stream().filter(v -> v.state() == ApprovalState.APPROVED).findFirst();
    }

    /** The version being worked on, if any. */
    public Optional<PlanVersion> open() {
        return latest().state().isOpen() ? Optional.of(latest()) : Optional.empty();
    }

    /** Revisions over all versions: how many times reviewers sent the plan back. */
    public int totalRevisions() {
        return versions.stream().mapToInt(PlanVersion::revisionCount).sum();
    }

    /** Throws 409-material unless {@code number}'s content may be changed (only a DRAFT's may). */
    public void requireEditable(int number) {
        ApprovalTransitions.require(version(number).state(), ApprovalAction.EDIT);
    }

    /**
     * Applies a user's action to version {@code number}.
     *
     * @param note required for REJECT (by default); kept on the step for every action
     * @throws IllegalApprovalTransitionException the state does not allow the action (409)
     * @throws ApprovalNotPermittedException      the actor may not decide on this version (403)
     * @throws OpenVersionExistsException         AMEND while another version is open (409)
     * @throws ValidationException                REJECT without a note (422)
     */
    public ApprovalOutcome act(int number, ApprovalAction action, Actor actor, Instant now, String note,
            ApprovalPolicy policy) {
        if (!action.isUserInitiated() || action == ApprovalAction.EDIT) {
            throw new IllegalArgumentException(action + " is not an approval action");
        }
        PlanVersion target = version(number);
        ApprovalState next = ApprovalTransitions.require(target.state(), action);
        checkPermitted(target, action, actor, policy);
        if (action == ApprovalAction.REJECT && policy.rejectionNoteRequired() && (note == null || note.isBlank())) {
            throw new ValidationException("note", "a rejection must say what to change");
        }
        if (action == ApprovalAction.AMEND) {
            return amend(target, actor, now, note);
        }
        List<PlanVersion> updated = new ArrayList<>(versions);
        List<ApprovalStep> steps = new ArrayList<>();
        if (action == ApprovalAction.APPROVE) {
            approved().ifPresent(old -> {
                updated.set(old.number() - 1, old.moveTo(ApprovalState.SUPERSEDED, now, false));
                steps.add(new ApprovalStep(planId, old.number(), ApprovalAction.SUPERSEDE, old.state(),
                        ApprovalState.SUPERSEDED, actor.staffId(), now, "superseded by version " + number));
            });
        }
        updated.set(number - 1, target.moveTo(next, now, action == ApprovalAction.REVISE));
        steps.add(0, new ApprovalStep(planId, number, action, target.state(), next, actor.staffId(), now, note));
        return new ApprovalOutcome(new PlanApproval(planId, kind, updated), steps);
    }

    private ApprovalOutcome amend(PlanVersion approvedVersion, Actor actor, Instant now, String note) {
        Optional<PlanVersion> open = open();
        if (open.isPresent()) {
            throw new OpenVersionExistsException(open.get().number(), open.get().state());
        }
        int number = versions.size() + 1;
        PlanVersion draft = new PlanVersion(number, ApprovalState.DRAFT, 0, approvedVersion.number(),
                actor.staffId(), now, now);
        List<PlanVersion> updated = new ArrayList<>(versions);
        updated.add(draft);
        return new ApprovalOutcome(new PlanApproval(planId, kind, updated), List.of(
                new ApprovalStep(planId, number, ApprovalAction.AMEND, null, ApprovalState.DRAFT, actor.staffId(),
                        now, note)));
    }

    private void checkPermitted(PlanVersion target, ApprovalAction action, Actor actor, ApprovalPolicy policy) {
        boolean decision = action == ApprovalAction.START_REVIEW || action == ApprovalAction.APPROVE
                || action == ApprovalAction.REJECT;
        if (!decision) {
            return;
        }
        if (!actor.hasAnyRole(policy.reviewerRoles(kind))) {
            throw new ApprovalNotPermittedException(action + " of a " + kind + " plan needs one of the roles "
                    + policy.reviewerRoles(kind));
        }
        if (!policy.authorMayDecide() && actor.staffId().equals(target.authorId())) {
            throw new ApprovalNotPermittedException("the author of version " + target.number()
                    + " cannot review it");
        }
    }
}
