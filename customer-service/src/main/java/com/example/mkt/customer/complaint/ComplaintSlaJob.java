package com.example.mkt.customer.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;

import io.quarkus.scheduler.Scheduled;

/**
 * Escalates SLA breaches (docs/domain.md#complaints: "breaches escalate to the supervisor"). Safe with two replicas:
 * one run at a time across replicas (transaction-scoped advisory lock), rows locked while moved, and
 * each breach is remembered on the complaint, so it is escalated and published once.
 */
@ApplicationScoped
public class ComplaintSlaJob {

    private static final long LOCK_KEY = 0x43534c41L; // "CSLA"
    private static final int BATCH = 500;

    private final ComplaintService service;
    private final Outbox outbox;
    private final EntityManager em;

    public ComplaintSlaJob(ComplaintService service, Outbox outbox, EntityManager em) {
        this.service = service;
        this.outbox = outbox;
        this.em = em;
    }

    @Scheduled(every = "${customer.jobs.complaint-sla-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        escalateBreaches();
    }

    /** @return the breaches escalated by this run */
    @Transactional
    public int escalateBreaches() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        Instant now = service.now();
        // The breach rules are per severity, so which open complaints breached is decided here, not in SQL: every
        // candidate is examined, page by page in receipt order, not only the oldest page.
        List<OutboundEvent> events = new ArrayList<>();
        List<ComplaintEntity> page = candidates(Instant.EPOCH, "");
        while (!page.isEmpty()) {
            Map<String, ComplaintEntity> byId = page.stream()
                    .collect(Collectors.toMap(e -> e.id, Function.identity()));
            for (SlaBreach breach : service.workflow().breaches(page.stream().map(ComplaintEntity::toDomain).toList(),
                    now)) {
                ComplaintEntity e = byId.get(breach.complaintId());
                ComplaintUpdate update = service.workflow().escalateBreach(e.toDomain(), breach.kind(), now);
                e.apply(update.complaint());
                events.add(service.event("complaint.escalated", e, update, "SLA_" + breach.kind().name(), now));
            }
            ComplaintEntity last = page.get(page.size() - 1);
            page = page.size() < BATCH ? List.of() : candidates(last.receivedAt, last.id);
        }
        outbox.publishAll(events);
        return events.size();
    }

    /** Open complaints with an SLA not yet escalated, after (receivedAt, id) in receipt order, locked. */
    @SuppressWarnings("unchecked")
    private List<ComplaintEntity> candidates(Instant afterReceivedAt, String afterId) {
        return em.createNativeQuery("SELECT * FROM complaint WHERE state <> 'CLOSED' "
                + "AND ((first_responded_at IS NULL AND NOT ('FIRST_RESPONSE' = ANY(breaches_escalated))) "
                + "OR (resolved_at IS NULL AND NOT ('RESOLUTION' = ANY(breaches_escalated)))) "
                + "AND (received_at, id) > (?2, ?3) "
                + "ORDER BY received_at, id LIMIT ?1 FOR UPDATE SKIP LOCKED", ComplaintEntity.class)
                .setParameter(1, BATCH).setParameter(2, afterReceivedAt.atOffset(java.time.ZoneOffset.UTC))
                .setParameter(3, afterId).getResultList();
    }
}
