package com.example.mkt.planning.org;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.FieldError;

/**
 * Changes to the org tree. Every change re-validates the whole tree with {@link OrgTree} and publishes the unit's
 * new state in the same transaction. Tree writes are serialised by one advisory lock: two concurrent moves that
 * are each valid alone could otherwise commit a cycle, and the tree changes rarely enough not to mind.
 */
@ApplicationScoped
public class OrgUnitService {

    private static final long TREE_LOCK = 0x6f72675f74726565L; // "org_tree"

    private final EntityManager em;
    private final Outbox outbox;
    private final OrgStructurePolicy policy;
    private final Clock clock;

    public OrgUnitService(EntityManager em, Outbox outbox, OrgStructurePolicy policy, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.policy = policy;
        this.clock = clock;
    }

    public record NewUnit(String code, String name, OrgUnitKind kind, String parent) {
    }

    @Transactional
    public OrgUnitEntity create(NewUnit cmd) {
        lockTree();
        if (OrgUnitEntity.findById(cmd.code()) != null) {
            throw ApiException.conflict("org unit " + cmd.code() + " already exists");
        }
        return insert(cmd);
    }

    /**
     * Creates the head office when the tree has none, like any created unit (validated, published through the
     * outbox); nothing when a head office exists, whatever its code. Under the tree lock, so replicas starting
     * together create one root: the second waits for the first to commit and then finds it.
     *
     * @return the root created, or empty when there already was one
     */
    @Transactional
    public Optional<OrgUnitEntity> createRootIfAbsent(String code, String name) {
        lockTree();
        if (OrgUnitEntity.count("kind", OrgUnitKind.HQ) > 0) {
            return Optional.empty();
        }
        if (OrgUnitEntity.findById(code) != null) {
            throw new IllegalStateException("the configured org root " + code + " exists but is not the head office");
        }
        return Optional.of(insert(new NewUnit(code, name, OrgUnitKind.HQ, null)));
    }

    private OrgUnitEntity insert(NewUnit cmd) {
        List<OrgUnit> units = new ArrayList<>(currentUnits());
        units.add(new OrgUnit(cmd.code(), cmd.name(), cmd.kind(), cmd.parent(), true));
        try {
            OrgTree.of(policy, units);
        } catch (OrgRuleViolationException e) {
            throw problem(e);
        }
        OrgUnitEntity unit = new OrgUnitEntity();
        unit.code = cmd.code();
        unit.name = cmd.name();
        unit.kind = cmd.kind();
        unit.parentCode = cmd.parent();
        unit.active = true;
        unit.createdAt = clock.instant();
        unit.updatedAt = unit.createdAt;
        unit.persist();
        em.flush();
        outbox.publish(OrgUnitEvents.of(OrgUnitEvents.CREATED, unit));
        return unit;
    }

    @Transactional
    public OrgUnitEntity rename(String code, String ifMatch, String name) {
        return change(code, ifMatch, OrgUnitEvents.UPDATED, u -> Objects.equals(u.name(), name) ? null
                : u.withName(name));
    }

    @Transactional
    public OrgUnitEntity move(String code, String ifMatch, String parent) {
        return change(code, ifMatch, OrgUnitEvents.MOVED, u -> Objects.equals(u.parentCode(), parent) ? null
                : u.withParent(parent));
    }

    @Transactional
    public OrgUnitEntity deactivate(String code, String ifMatch) {
        return change(code, ifMatch, OrgUnitEvents.DEACTIVATED, u -> {
            if (!u.active()) {
                throw ApiException.illegalTransition("org unit " + code + " is already inactive", List.of("reactivate"));
            }
            return u.withActive(false);
        });
    }

    @Transactional
    public OrgUnitEntity reactivate(String code, String ifMatch) {
        return change(code, ifMatch, OrgUnitEvents.REACTIVATED, u -> {
            if (u.active()) {
                throw ApiException.illegalTransition("org unit " + code + " is active", List.of("deactivate"));
            }
            return u.withActive(true);
        });
    }

    /**
     * Applies {@code edit} (null = nothing to change) to the unit after checking If-Match, validates the resulting
     * tree, stores and publishes.
     */
    private OrgUnitEntity change(String code, String ifMatch, String eventType, UnaryOperator<OrgUnit> edit) {
        lockTree();
        OrgUnitEntity entity = OrgUnitEntity.findById(code);
        if (entity == null) {
            throw ApiException.notFound("org unit", code);
        }
        ETags.requireMatch(ifMatch, entity.version);
        OrgUnit changed = edit.apply(entity.toDomain());
        if (changed == null) {
            return entity;
        }
        OrgTree tree;
        try {
            tree = OrgTree.of(policy, currentUnits());
            tree = switch (eventType) {
                case OrgUnitEvents.DEACTIVATED -> tree.withDeactivated(code);
                case OrgUnitEvents.REACTIVATED -> tree.withReactivated(code);
                case OrgUnitEvents.MOVED -> tree.withMoved(code, changed.parentCode());
                default -> tree.withRenamed(code, changed.name());
            };
        } catch (OrgRuleViolationException e) {
            throw problem(e);
        }
        OrgUnit stored = tree.get(code);
        entity.name = stored.name();
        entity.parentCode = stored.parentCode();
        entity.active = stored.active();
        entity.updatedAt = clock.instant();
        em.flush(); // bumps the version the event carries
        outbox.publish(OrgUnitEvents.of(eventType, entity));
        return entity;
    }

    private List<OrgUnit> currentUnits() {
        return OrgUnitEntity.<OrgUnitEntity>listAll().stream().map(OrgUnitEntity::toDomain).toList();
    }

    private void lockTree() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + TREE_LOCK + ")").getSingleResult();
    }

    private static final Map<OrgRuleViolation.Reason, String> FIELDS = Map.ofEntries(
            Map.entry(OrgRuleViolation.Reason.INVALID_CODE, "code"),
            Map.entry(OrgRuleViolation.Reason.BLANK_NAME, "name"),
            Map.entry(OrgRuleViolation.Reason.NAME_TOO_LONG, "name"),
            Map.entry(OrgRuleViolation.Reason.NO_HQ, "kind"),
            Map.entry(OrgRuleViolation.Reason.MULTIPLE_HQ, "kind"));

    /** 409 for state conflicts (children still active, HQ), 422 naming the field for everything else. */
    static ApiException problem(OrgRuleViolationException e) {
        for (OrgRuleViolation v : e.violations()) {
            switch (v.reason()) {
                case HAS_ACTIVE_CHILDREN, HAS_CHILDREN, HQ_INACTIVE ->
                        throw ApiException.illegalTransition(v.message(), List.of());
                case DUPLICATE_CODE -> throw ApiException.conflict("org unit " + v.unitCode() + " already exists");
                case UNKNOWN_UNIT -> throw ApiException.notFound("org unit", v.unitCode());
                default -> {
                }
            }
        }
        List<FieldError> errors = e.violations().stream()
                .map(v -> new FieldError(FIELDS.getOrDefault(v.reason(), "parent"), v.message())).distinct().toList();
        return new ApiException(422, "unprocessable", "Semantically invalid request",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message() : e.getMessage(),
                errors, null, null);
    }
}
