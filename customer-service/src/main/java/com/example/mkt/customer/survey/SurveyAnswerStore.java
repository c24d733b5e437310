package com.example.mkt.customer.survey;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import com.example.mkt.customer.complaint.ComplaintEntity;
import com.example.mkt.customer.customer.Customer;
import com.example.mkt.rest.problem.ApiException;

import io.quarkus.panache.common.Parameters;

/** Survey answers, and the customer and complaint rows an answer is checked against. */
@ApplicationScoped
public class SurveyAnswerStore {

    /** What a list of answers may be narrowed to; null members do not narrow. */
    public record Filter(String customerId, String templateId, String complaintId, Boolean satisfied) {
    }

    /** The unique index that lets one answer per complaint's survey in (V8__surveys.sql). */
    static final String ONE_ANSWER_PER_COMPLAINT = "survey_answer_complaint";

    private final EntityManager em;

    public SurveyAnswerStore(EntityManager em) {
        this.em = em;
    }

    public SurveyAnswerEntity find(String id) {
        return id.length() > 64 ? null : SurveyAnswerEntity.findById(id);
    }

    /** Ordered by answer time, then id. */
    public List<SurveyAnswerEntity> page(Filter f, SurveyVisibility visibility, Optional<TimeCursor> after,
            int fetchSize) {
        StringBuilder q = new StringBuilder("from SurveyAnswerEntity a where true = true");
        Parameters p = new Parameters();
        after.ifPresent(c -> c.restrict("answeredAt", q, p));
        if (f.customerId() != null) {
            q.append(" and a.customerId = :customer");
            p.and("customer", f.customerId());
        }
        if (f.templateId() != null) {
            q.append(" and a.templateId = :template");
            p.and("template", f.templateId());
        }
        if (f.complaintId() != null) {
            q.append(" and a.complaintId = :complaint");
            p.and("complaint", f.complaintId());
        }
        if (f.satisfied() != null) {
            q.append(" and a.satisfied = :satisfied");
            p.and("satisfied", f.satisfied());
        }
        visibility.restrict(q, p);
        q.append(" order by a.answeredAt, a.id");
        return SurveyAnswerEntity.<SurveyAnswerEntity>find(q.toString(), p).page(0, fetchSize).list();
    }

    public boolean existsForComplaint(String complaintId) {
        return SurveyAnswerEntity.count("complaintId", complaintId) > 0;
    }

    /**
     * Inserts the answer now rather than at commit. Two answers to one complaint's survey at once both pass the
     * service's check when the complaint has no request row to lock; the unique index lets one in, and the other
     * is the client's conflict (409), not a server failure.
     */
    public void insert(SurveyAnswerEntity a) {
        try {
            a.persist();
            em.flush();
        } catch (PersistenceException e) {
            if (violates(e, ONE_ANSWER_PER_COMPLAINT)) {
                throw ApiException.conflict("the survey of complaint " + a.complaintId + " is already answered");
            }
            throw e;
        }
    }

    public Customer customer(String id) {
        return Customer.findById(id);
    }

    public ComplaintEntity complaint(String id) {
        return ComplaintEntity.findById(id);
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && constraint.equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
