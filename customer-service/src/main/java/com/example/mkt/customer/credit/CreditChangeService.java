package com.example.mkt.customer.credit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.example.mkt.customer.customer.Customer;
import com.example.mkt.customer.history.CreditTierChange;
import com.example.mkt.customer.history.StandingHistoryStore;
import com.example.mkt.customer.sales.StandingRules;
import com.example.mkt.customer.web.CustomerEvents;
import com.example.mkt.customer.web.Times;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.Roles;

import io.quarkus.scheduler.Scheduled;

/**
 * Credit change requests through regional filing, large-region verification and head-office approval;
 * approval changes the customer's tier, keeps the move in its history and publishes it. Overdue steps are
 * escalated by a periodic check that runs once across replicas (advisory lock) and remembers each escalated step.
 */
@ApplicationScoped
public class CreditChangeService {

    private static final long LOCK_KEY = 0x4343524cL; // "CCRL"

    /** Who may act on a step: its owner level mapped to roles (regional office: supervisors and up, ...). */
    static final Map<ApprovalLevel, Set<String>> ACTORS = Map.of(
            ApprovalLevel.REGIONAL_OFFICE, Roles.SUPERVISORS_AND_ABOVE,
            ApprovalLevel.LARGE_REGION, Set.of(Roles.MANAGER, Roles.MARKETING_DIRECTOR, Roles.GM),
            ApprovalLevel.HEAD_OFFICE, Set.of(Roles.MARKETING_DIRECTOR, Roles.GM),
            ApprovalLevel.MARKETING_DIRECTOR, Set.of(Roles.MARKETING_DIRECTOR, Roles.GM));

    public record Escalated(String requestId, String customerId, String orgUnit, String state, String owner,
            String dueAt, String at) {
    }

    private final CreditChangeWorkflow workflow;
    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final StandingHistoryStore history;

    public CreditChangeService(CreditChangeWorkflow workflow, EntityManager em, Outbox outbox, Clock clock,
            StandingHistoryStore history) {
        this.workflow = workflow;
        this.history = history;
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    public CreditChangeWorkflow workflow() {
        return workflow;
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public CreditChangeEntity open(Customer customer, Optional<CreditTier> to, String reason, Instant triggeredAt,
            String actor) {
        if (CreditChangeEntity.count("customerId = ?1 and state in ?2", customer.id,
                List.of("AWAITING_FILING", "AWAITING_VERIFICATION", "AWAITING_HQ_APPROVAL")) > 0) {
            throw ApiException.conflict("customer " + customer.id + " already has an open credit change request");
        }
        Optional<CreditTier> from = Optional.ofNullable(customer.creditTier).map(CreditTier::valueOf);
        if (from.equals(to)) {
            throw ApiException.unprocessable("to", "the customer is already " + to.map(Enum::name).orElse("ORDINARY"));
        }
        CreditChangeRequest r = CreditChangeRequest.open(UUID.randomUUID().toString(), customer.id, from, to, reason,
                triggeredAt);
        CreditChangeEntity e = new CreditChangeEntity();
        e.apply(r);
        e.orgUnit = customer.orgUnit;
        e.createdBy = actor;
        e.persist();
        return e;
    }

    /** @param actor the staff id of whoever acts: on the last approval, the one who changed the tier */
    @Transactional
    public CreditChangeEntity act(String id, CreditChangeAction action, Set<String> roles, String actor) {
        CreditChangeEntity e = em.find(CreditChangeEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        CreditChangeRequest r = e.toDomain();
        Instant now = clock.instant();
        Set<String> allowedRoles = action == CreditChangeAction.EXTEND ? ACTORS.get(ApprovalLevel.MARKETING_DIRECTOR)
                : workflow.owner(r).map(ACTORS::get).orElse(Set.of());
        if (workflow.allowedActions(r, now).contains(action) && roles.stream().noneMatch(allowedRoles::contains)) {
            throw ApiException.forbidden("this step belongs to " + workflow.owner(r).map(Enum::name).orElse("nobody"));
        }
        CreditChangeRequest next = workflow.apply(r, action, now);
        e.apply(next);
        if (next.state() == CreditChangeState.APPROVED) {
            Customer c = em.find(Customer.class, e.customerId, LockModeType.PESSIMISTIC_WRITE);
            String before = c.creditTier;
            c.creditTier = next.to().map(Enum::name).orElse(null);
            c.updatedAt = now;
            outbox.publish(CustomerEvents.of("customer.credit-tier-changed", c.id, new StandingRules.CreditTierChanged(
                    c.id, c.orgUnit, before, c.creditTier, CreditTierChange.APPROVED_REQUEST, null, false,
                    Times.out(now).toString())));
            history.record(new StandingHistoryStore.Changes().add(new CreditTierChange(c.id, before, c.creditTier,
                    CreditTierChange.APPROVED_REQUEST, false, null, e.id, actor, now)));
        }
        em.flush();
        return e;
    }

    @Scheduled(every = "${customer.jobs.credit-sla-every:15m}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        escalateOverdue();
    }

    /** @return the steps escalated by this run */
    @Transactional
    public int escalateOverdue() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<CreditChangeEntity> open = em.createNativeQuery("SELECT * FROM credit_change_request WHERE state IN "
                + "('AWAITING_FILING', 'AWAITING_VERIFICATION', 'AWAITING_HQ_APPROVAL') ORDER BY step_started_at "
                + "LIMIT 500 FOR UPDATE SKIP LOCKED", CreditChangeEntity.class).getResultList();
        Map<String, CreditChangeEntity> byId = open.stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<OutboundEvent> events = new ArrayList<>();
        for (OverdueStep step : workflow.toEscalate(open.stream().map(CreditChangeEntity::toDomain).toList(), now)) {
            CreditChangeEntity e = byId.get(step.requestId());
            e.apply(workflow.escalate(e.toDomain(), now));
            events.add(CustomerEvents.of("credit-change.escalated", e.id, new Escalated(e.id, e.customerId, e.orgUnit,
                    e.state, step.escalateTo().name(), Times.out(step.dueAt()).toString(), Times.out(now).toString())));
        }
        outbox.publishAll(events);
        return events.size();
    }

    public CreditChangeResource.CreditChangeRequestView view(CreditChangeEntity e) {
        CreditChangeRequest r = e.toDomain();
        CreditChangeWorkflow w = workflow;
        Instant now = clock.instant();
        return new CreditChangeResource.CreditChangeRequestView(e.id, e.customerId, e.fromTier == null ? "ORDINARY" : e.fromTier,
                e.toTier == null ? "ORDINARY" : e.toTier, e.reason, Times.out(e.triggeredAt), e.state,
                w.owner(r).map(Enum::name).orElse(null), w.stepDue(r).map(Times::out).orElse(null),
                Times.out(w.overallDue(r)), e.hqExtended, List.of(e.escalatedSteps), Times.out(e.closedAt),
                w.allowedActions(r, now).stream().map(a -> a.name().toLowerCase()).sorted().toList(), e.version);
    }
}
