package com.example.mkt.customer.survey;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.panache.common.Parameters;

/** Satisfaction figures counted from the answers themselves (indexes survey_answer_org_at, survey_answer_at). */
@ApplicationScoped
public class SatisfactionStore {

    private final EntityManager em;

    public SatisfactionStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Answers and satisfied answers in one statement, answered in [{@code from}, {@code to}); {@code units} (empty:
     * every unit) and {@code templateId} (null: every template) narrow.
     */
    public SatisfactionRate count(Instant from, Instant to, Optional<Set<String>> units, String templateId) {
        StringBuilder q = new StringBuilder("select count(a), "
                + "coalesce(sum(case when a.satisfied then 1 else 0 end), 0) "
                + "from SurveyAnswerEntity a where a.answeredAt >= :from and a.answeredAt < :to");
        Parameters p = Parameters.with("from", from).and("to", to);
        if (units.isPresent()) {
            q.append(" and a.orgUnit in :units");
            p.and("units", SurveyVisibility.inList(units.get()));
        }
        if (templateId != null) {
            q.append(" and a.templateId = :template");
            p.and("template", templateId);
        }
        var query = em.createQuery(q.toString(), Object[].class);
        p.map().forEach(query::setParameter);
        Object[] row = query.getSingleResult();
        return new SatisfactionRate(((Number) row[1]).longValue(), ((Number) row[0]).longValue());
    }
}
