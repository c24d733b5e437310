package com.example.mkt.customer.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.quarkus.panache.common.Parameters;

/** The surveys owed by customers after closed complaints: one row per complaint. */
@ApplicationScoped
public class SurveyRequestStore {

    private final EntityManager em;

    public SurveyRequestStore(EntityManager em) {
        this.em = em;
    }

    /**
     * One statement that also picks the suggested template: the customer's segment's active one, else a general
     * active one, else none. {@code ON CONFLICT (complaint_id) DO NOTHING} makes a second request for the same
     * complaint (closed again after reopening, a retry) change nothing.
     */
    public void insertIfAbsent(String complaintId, String customerId, Instant at) {
        em.createNativeQuery("INSERT INTO survey_request (id, complaint_id, customer_id, org_unit, salesperson, "
                + "template_id, status, requested_at) "
                + "SELECT ?1, ?2, c.id, c.org_unit, c.salesperson, "
                + "(SELECT t.id FROM survey_template t WHERE t.active AND (t.segment_id IS NULL OR t.segment_id IN "
                + "(SELECT m.segment_id FROM segment_member m WHERE m.customer_id = c.id)) "
                + "ORDER BY (t.segment_id IS NULL), t.created_at, t.id LIMIT 1), 'PENDING', ?3 "
                + "FROM customer c WHERE c.id = ?4 ON CONFLICT (complaint_id) DO NOTHING")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, complaintId)
                .setParameter(3, at).setParameter(4, customerId).executeUpdate();
    }

    /** The complaint's request, locked so that two answers to it are taken one after the other; null if none. */
    public SurveyRequestEntity lockForComplaint(String complaintId) {
        return SurveyRequestEntity.<SurveyRequestEntity>find("complaintId", complaintId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Oldest first (request time, then id); {@code status} (a checked {@link SurveyRequestStatus} name) and
     * {@code customerId} narrow when not null.
     */
    public List<SurveyRequestEntity> page(String status, String customerId,
            SurveyVisibility visibility, Optional<TimeCursor> after, int fetchSize) {
        StringBuilder q = new StringBuilder("from SurveyRequestEntity a where true = true");
        Parameters p = new Parameters();
        after.ifPresent(c -> c.restrict("requestedAt", q, p));
        if (status != null) {
            q.append(" and a.status = :status");
            p.and("status", status);
        }
        if (customerId != null) {
            q.append(" and a.customerId = :customer");
            p.and("customer", customerId);
        }
        visibility.restrict(q, p);
        q.append(" order by a.requestedAt, a.id");
        return SurveyRequestEntity.<SurveyRequestEntity>find(q.toString(), p).page(0, fetchSize).list();
    }
}
