package com.example.mkt.customer.survey;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.example.mkt.customer.customer.Customer;
import com.example.mkt.customer.web.CustomerEvents;
import com.example.mkt.customer.web.Times;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.rest.problem.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Survey requests and answers, each saved with its event in one transaction. A closed complaint asks its
 * customer for a survey once ({@code ON CONFLICT (complaint_id) DO NOTHING}); an answer naming the
 * complaint fulfils that request; every answer publishes {@code survey.answered} keyed by the customer.
 */
@ApplicationScoped
public class SurveyService {

    /** The data of {@code survey.answered} v1 (schemas/survey.answered.v1.json); kpi-service reads it. */
    public record Answered(String answerId, String templateId, String customerId, String orgUnit, String salesperson,
            BigDecimal score, boolean satisfied, String answeredAt, String complaintId) {
    }

    /** One scored question as stored with the answer (the question's text is kept as it was asked). */
    public record ScoredQuestion(String questionId, String question, int score, String comment) {
    }

    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<ScoredQuestion>> SCORED = new TypeReference<>() {
    };

    private final SurveyScoring scoring;
    private final Outbox outbox;
    private final Clock clock;
    private final EntityManager em;
    private final ObjectMapper mapper;

    public SurveyService(SurveyScoring scoring, Outbox outbox, Clock clock, EntityManager em, ObjectMapper mapper) {
        this.scoring = scoring;
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
        this.mapper = mapper;
    }

    public SurveyScoring scoring() {
        return scoring;
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Asks the complaint's customer for a satisfaction survey, in the caller's transaction; a second call
     * for the same complaint (a reopened complaint closed again, a retry) changes nothing. The suggested
     * template is the customer's segment's active one, else a general active one, else none.
     */
    public void requestForComplaint(String complaintId, String customerId, Instant at) {
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

    /**
     * Records a checked answer. With a complaint: the complaint's survey may be answered once (409
     * otherwise), and its pending request becomes ANSWERED.
     */
    @Transactional
    public SurveyAnswerEntity answer(Customer customer, SurveyTemplateEntity template, List<ScoredQuestion> scores,
            String comment, String complaintId, SurveyChannel channel, Instant answeredAt, String actor) {
        SurveyRequestEntity request = null;
        if (complaintId != null) {
            request = SurveyRequestEntity.<SurveyRequestEntity>find("complaintId", complaintId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if ((request != null && SurveyRequestStatus.ANSWERED.name().equals(request.status))
                    || SurveyAnswerEntity.count("complaintId", complaintId) > 0) {
                throw ApiException.conflict("the survey of complaint " + complaintId + " is already answered");
            }
        }
        BigDecimal score = scoring.score(scores.stream().map(ScoredQuestion::score).toList());
        Instant now = clock.instant();
        SurveyAnswerEntity a = new SurveyAnswerEntity();
        a.id = UUID.randomUUID().toString();
        a.templateId = template.id;
        a.customerId = customer.id;
        a.orgUnit = customer.orgUnit;
        a.salesperson = customer.salesperson;
        a.complaintId = complaintId;
        a.channel = channel.name();
        a.scores = write(scores);
        a.comment = comment;
        a.score = score;
        a.satisfied = scoring.satisfied(score);
        a.answeredAt = answeredAt;
        a.recordedBy = actor;
        a.recordedAt = now;
        a.persist();
        if (request != null && SurveyRequestStatus.PENDING.name().equals(request.status)) {
            request.status = SurveyRequestStatus.ANSWERED.name();
            request.answerId = a.id;
            request.answeredAt = answeredAt;
        }
        outbox.publish(CustomerEvents.of("survey.answered", customer.id, new Answered(a.id, a.templateId,
                a.customerId, a.orgUnit, a.salesperson, a.score, a.satisfied, Times.out(a.answeredAt).toString(),
                a.complaintId)));
        em.flush();
        return a;
    }

    public List<Question> questions(SurveyTemplateEntity t) {
        return read(t.questions, QUESTIONS);
    }

    public List<ScoredQuestion> scores(SurveyAnswerEntity a) {
        return read(a.scores, SCORED);
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
