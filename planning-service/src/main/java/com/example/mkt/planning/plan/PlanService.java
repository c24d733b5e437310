package com.example.mkt.planning.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.planning.approval.Actor;
import com.example.mkt.planning.approval.ApprovalAction;
import com.example.mkt.planning.approval.ApprovalNotPermittedException;
import com.example.mkt.planning.approval.ApprovalOutcome;
import com.example.mkt.planning.approval.ApprovalPolicy;
import com.example.mkt.planning.approval.ApprovalState;
import com.example.mkt.planning.approval.ApprovalStep;
import com.example.mkt.planning.approval.DraftingWindow;
import com.example.mkt.planning.approval.IllegalApprovalTransitionException;
import com.example.mkt.planning.approval.OpenVersionExistsException;
import com.example.mkt.planning.approval.PlanApproval;
import com.example.mkt.planning.approval.PlanVersion;
import com.example.mkt.planning.approval.UnknownPlanVersionException;
import com.example.mkt.planning.progress.GoalProgressService;
import com.example.mkt.planning.shared.DomainProblems;
import com.example.mkt.planning.staff.StaffEntity;
import com.example.mkt.planning.validation.FieldError;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plans and their approval (docs/domain.md#plan-content): content is validated by {@link PlanValidator}, the version
 * life cycle is {@link PlanApproval}'s, every step is kept as history and published as a {@code plan.*} event in the
 * same transaction. An approved version's content is never written again; AMEND copies it into a new draft.
 */
@ApplicationScoped
public class PlanService {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final PlanValidator validator;
    private final ApprovalPolicy approvalPolicy;
    private final DraftingWindow draftingWindow;
    private final ObjectMapper mapper;
    private final ZoneId zone;
    private final GoalProgressService progress;
    private final OrgDirectory orgDirectory;

    public PlanService(EntityManager em, Outbox outbox, Clock clock, PlanValidator validator,
            ApprovalPolicy approvalPolicy, DraftingWindow draftingWindow, ObjectMapper mapper,
            GoalProgressService progress, OrgDirectory orgDirectory) {
        this.progress = progress;
        this.orgDirectory = orgDirectory;
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.validator = validator;
        this.approvalPolicy = approvalPolicy;
        this.draftingWindow = draftingWindow;
        this.mapper = mapper;
        this.zone = approvalPolicy.zone();
    }

    /** A plan with its versions, oldest first. */
    public record Loaded(PlanEntity plan, List<PlanVersionEntity> versions) {

        public PlanVersionEntity latest() {
            return versions.get(versions.size() - 1);
        }

        public PlanVersionEntity version(int number) {
            if (number < 1 || number > versions.size()) {
                throw ApiException.notFound("plan version", plan.id + "/" + number);
            }
            return versions.get(number - 1);
        }

        PlanApproval approval() {
            return PlanApproval.restore(plan.id, plan.kind, versions.stream().map(PlanVersionEntity::toDomain).toList());
        }
    }

    @Transactional
    public Loaded create(Actor actor, PlanKind kind, String ownerOrgUnit, PlanContent content) {
        String id = UUID.randomUUID().toString();
        Plan plan = content.toDomain(id, kind, ownerOrgUnit);
        Instant now = clock.instant();
        GoalSources sources = goalSources(plan);
        List<FieldError> errors = new ArrayList<>(validator.validate(plan, parentOf(plan), sources.plans()));
        errors.addAll(sources.errors());
        if (plan.period() != null) {
            errors.addAll(draftingWindow.check(kind, plan.period(), now));
        }
        if (!errors.isEmpty()) {
            throw DomainProblems.unprocessable(errors);
        }
        PlanEntity entity = new PlanEntity();
        entity.id = id;
        entity.kind = kind;
        entity.ownerOrgUnit = ownerOrgUnit;
        entity.createdBy = actor.staffId();
        entity.createdAt = now;
        header(entity, content, now);
        entity.persist();
        ApprovalOutcome outcome = PlanApproval.start(id, kind, actor, now);
        PlanVersion first = outcome.approval().latest();
        PlanVersionEntity v = new PlanVersionEntity();
        v.planId = id;
        v.number = first.number();
        v.content = json(content);
        v.createdAt = now;
        copy(first, v);
        v.persist();
        record(entity, outcome.steps());
        return new Loaded(entity, List.of(v));
    }

    /** Changes the content of the open draft; anything else answers 409 with what the version allows. */
    @Transactional
    public Loaded edit(String id, String ifMatch, PlanContent content, Function<PlanEntity, PlanEntity> visible) {
        Loaded loaded = load(id, visible);
        ETags.requireMatch(ifMatch, loaded.plan().version);
        bump(loaded.plan());
        PlanVersionEntity latest = loaded.latest();
        translate(() -> {
            loaded.approval().requireEditable(latest.number);
            return null;
        });
        Plan plan = content.toDomain(id, loaded.plan().kind, loaded.plan().ownerOrgUnit);
        GoalSources sources = goalSources(plan);
        List<FieldError> errors = new ArrayList<>(validator.validate(plan, parentOf(plan), sources.plans()));
        errors.addAll(sources.errors());
        if (!errors.isEmpty()) {
            throw DomainProblems.unprocessable(errors);
        }
        Instant now = clock.instant();
        latest.content = json(content);
        header(loaded.plan(), content, now);
        em.flush();
        return loaded;
    }

    /**
     * Applies an approval action to version {@code number} (default: the latest, or the approved one for AMEND).
     * {@code ifMatch} is checked when given.
     */
    @Transactional
    public Loaded act(String id, String ifMatch, ApprovalAction action, Integer number, String note, Actor actor,
            Function<PlanEntity, PlanEntity> visible) {
        Loaded loaded = load(id, visible);
        ETags.requireMatchIfPresent(ifMatch, loaded.plan().version);
        bump(loaded.plan());
        PlanApproval approval = loaded.approval();
        int target = number != null ? number
                : action == ApprovalAction.AMEND ? approval.approved().map(PlanVersion::number)
                        .orElse(approval.latest().number())
                        : approval.latest().number();
        PlanVersionEntity targetVersion = loaded.version(target);
        Instant now = clock.instant();
        if (action == ApprovalAction.SUBMIT) {
            Plan plan = content(targetVersion).toDomain(id, loaded.plan().kind, loaded.plan().ownerOrgUnit);
            GoalSources sources = goalSources(plan);
            List<FieldError> errors = new ArrayList<>(validator.validateForSubmission(plan, parentOf(plan),
                    sources.plans()));
            errors.addAll(sources.errors());
            if (!errors.isEmpty()) {
                throw DomainProblems.unprocessable(errors);
            }
        }
        if (action == ApprovalAction.AMEND) {
            List<FieldError> errors = draftingWindow.check(loaded.plan().kind,
                    new PlanPeriod(loaded.plan().periodStart, loaded.plan().periodEnd), now);
            if (!errors.isEmpty()) {
                throw DomainProblems.unprocessable(errors);
            }
        }
        ApprovalOutcome outcome = translate(() -> approval.act(target, action, actor, now, note, approvalPolicy));
        List<PlanVersionEntity> versions = new ArrayList<>(loaded.versions());
        for (PlanVersion v : outcome.approval().versions()) {
            if (v.number() <= versions.size()) {
                copy(v, versions.get(v.number() - 1));
            } else {
                PlanVersionEntity added = new PlanVersionEntity();
                added.planId = id;
                added.number = v.number();
                added.content = versions.get(v.basedOn() - 1).content;
                added.createdAt = now;
                copy(v, added);
                added.persist();
                versions.add(added);
            }
        }
        loaded.plan().updatedAt = now;
        if (action == ApprovalAction.APPROVE) {
            progress.track(loaded.plan(), target, content(targetVersion));
        }
        record(loaded.plan(), outcome.steps());
        return new Loaded(loaded.plan(), versions);
    }

    public Loaded load(String id, Function<PlanEntity, PlanEntity> visible) {
        PlanEntity plan = PlanEntity.findById(id, LockModeType.NONE);
        if (plan == null) {
            throw ApiException.notFound("plan", id);
        }
        visible.apply(plan);
        List<PlanVersionEntity> versions = PlanVersionEntity.list("planId = ?1 order by number", id);
        return new Loaded(plan, versions);
    }

    public List<PlanStepEntity> history(String planId) {
        return PlanStepEntity.list("planId = ?1 order by id", planId);
    }

    public PlanContent content(PlanVersionEntity version) {
        try {
            return mapper.readValue(version.content, PlanContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan content is unreadable", e);
        }
    }

    /** Changes of {@code number} against the version it was based on (an amendment) or the one before it. */
    public Map<String, Object> diff(Loaded loaded, int number) {
        PlanVersionEntity version = loaded.version(number);
        Integer against = version.basedOn != null ? version.basedOn : number > 1 ? number - 1 : null;
        try {
            List<JsonDiff.Change> changes = JsonDiff.between(
                    against == null ? null : mapper.readTree(loaded.version(against).content),
                    mapper.readTree(version.content));
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("version", number);
            out.put("against", against);
            out.put("changes", changes);
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan content is unreadable", e);
        }
    }

    /**
     * The plan row is the aggregate root: locking it with a version increment serialises changes to its versions
     * and gives every change a new ETag, even when only a version row changed.
     */
    private void bump(PlanEntity plan) {
        em.lock(plan, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    private void record(PlanEntity plan, List<ApprovalStep> steps) {
        em.flush(); // the plan's new version (ETag) before the events are drawn
        PlanStepEntity.persist(steps.stream().map(PlanStepEntity::of));
        outbox.publishAll(steps.stream().map(s -> PlanEvents.of(plan, s, zone)).toList());
    }

    private Plan parentOf(Plan plan) {
        if (plan.parentPlanId() == null) {
            return null;
        }
        PlanEntity parent = PlanEntity.findById(plan.parentPlanId());
        if (parent == null) {
            throw ApiException.unprocessable("parentPlanId", "names no plan");
        }
        return inForce(parent);
    }

    /** Goals derive from what is in force: the approved version, or the latest while nothing is approved yet. */
    private Plan inForce(PlanEntity plan) {
        List<PlanVersionEntity> versions = PlanVersionEntity.list("planId = ?1 order by number desc", plan.id);
        PlanVersionEntity source = versions.stream().filter(v -> v.state == ApprovalState.APPROVED).findFirst()
                .orElse(versions.get(0));
        return content(source).toDomain(plan.id, plan.kind, plan.ownerOrgUnit);
    }

    /** The plans goals derive from besides this one and its parent, and what is wrong with them (422). */
    private record GoalSources(Map<String, Plan> plans, List<FieldError> errors) {
    }

    /**
     * Person-level goals and cross-plan cascades: a goal's owner must be a staff member (400 otherwise); a goal's
     * {@code parentPlanId} must name a plan of the owner unit or a unit above it, not finer than this plan, whose
     * goal does not in turn derive from this goal.
     */
    private GoalSources goalSources(Plan plan) {
        List<FieldError> unknownOwners = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Plan> plans = new java.util.HashMap<>();
        List<String> above = null;
        for (int i = 0; i < plan.goals().size(); i++) {
            Goal g = plan.goals().get(i);
            if (g == null) {
                continue;
            }
            String f = "goals[" + i + "]";
            if (g.ownerStaffId() != null && StaffEntity.findById(g.ownerStaffId()) == null) {
                unknownOwners.add(new FieldError(f + ".ownerStaffId", "names no staff member"));
            }
            String other = g.parentPlanId();
            if (other == null || other.equals(plan.id()) || other.equals(plan.parentPlanId())) {
                continue;
            }
            PlanEntity source = PlanEntity.findById(other);
            if (source == null) {
                continue; // the validator names it
            }
            if (above == null) {
                above = orgDirectory.ancestors(plan.ownerOrgUnit());
            }
            if (!source.ownerOrgUnit.equals(plan.ownerOrgUnit()) && !above.contains(source.ownerOrgUnit)) {
                errors.add(new FieldError(f + ".parentPlanId", "must be a plan of " + plan.ownerOrgUnit()
                        + " or of a unit above it"));
                continue;
            }
            if (plan.kind() != null && plan.kind() != source.kind && !source.kind.isCoarserThan(plan.kind())) {
                errors.add(new FieldError(f + ".parentPlanId", "a goal of a " + plan.kind()
                        + " plan cannot derive from a finer " + source.kind + " plan"));
                continue;
            }
            Plan sourcePlan = plans.computeIfAbsent(other, k -> inForce(source));
            boolean cycle = sourcePlan.goals().stream().anyMatch(p -> p != null && p.id() != null
                    && p.id().equals(g.parentGoalId()) && plan.id() != null && plan.id().equals(p.parentPlanId())
                    && g.id() != null && g.id().equals(p.parentGoalId()));
            if (cycle) {
                errors.add(new FieldError(f + ".parentGoalId", "goals cannot derive from themselves"));
            }
        }
        if (!unknownOwners.isEmpty()) {
            throw DomainProblems.invalid(unknownOwners);
        }
        return new GoalSources(plans, errors);
    }

    private static void header(PlanEntity entity, PlanContent content, Instant now) {
        entity.title = content.title();
        entity.periodStart = content.period().start();
        entity.periodEnd = content.period().end();
        entity.parentPlanId = content.parentPlanId();
        entity.updatedAt = now;
    }

    private static void copy(PlanVersion from, PlanVersionEntity to) {
        to.state = from.state();
        to.revisionCount = from.revisionCount();
        to.basedOn = from.basedOn();
        to.authorId = from.authorId();
        to.stateChangedAt = from.stateChangedAt();
    }

    private String json(PlanContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The approval rules' exceptions as the API's answers. */
    private static <T> T translate(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalApprovalTransitionException e) {
            throw ApiException.illegalTransition(e.getMessage(),
                    e.allowedActions().stream().map(Enum::name).sorted().collect(Collectors.toList()));
        } catch (OpenVersionExistsException e) {
            throw ApiException.illegalTransition(e.getMessage(), List.of());
        } catch (ApprovalNotPermittedException e) {
            throw ApiException.forbidden(e.getMessage());
        } catch (UnknownPlanVersionException e) {
            throw new ApiException(404, "not-found", "Not found", e.getMessage(), null, null, null);
        }
    }
}
