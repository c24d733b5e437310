package com.example.mkt.customer.survey;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
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
    private final ObjectMapper mapper;
    private final SurveyRequestStore requests;
    private final SurveyAnswerStore answers;

    public SurveyService(SurveyScoring scoring, Outbox outbox, Clock clock, ObjectMapper mapper,
            SurveyRequestStore requests, SurveyAnswerStore answers) {
        this.scoring = scoring;
        this.outbox = outbox;
        this.clock = clock;
        this.mapper = mapper;
        this.requests = requests;
        this.answers = answers;
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
        requests.insertIfAbsent(complaintId, customerId, at);
    }

    /**
     * Records a checked answer. With a complaint: the complaint's survey may be answered once (409
     * otherwise), and its pending request becomes ANSWERED.
     */
    @Transactional
    public SurveyAnswerEntity answer(Customer customer, SurveyTemplateEntity template, List<ScoredQuestion> scores,
            String comment, String complaintId, SurveyChannel channel, Instant answeredAt, String actor) {
        SurveyRequestEntity request = complaintId == null ? null : unansweredRequest(complaintId);
        SurveyAnswerEntity a = newAnswer(customer, template, scores, comment, complaintId, channel, answeredAt, actor);
        answers.insert(a);
        if (request != null && SurveyRequestStatus.PENDING.name().equals(request.status)) {
            request.status = SurveyRequestStatus.ANSWERED.name();
            request.answerId = a.id;
            request.answeredAt = answeredAt;
        }
        outbox.publish(CustomerEvents.of("survey.answered", customer.id, new Answered(a.id, a.templateId,
                a.customerId, a.orgUnit, a.salesperson, a.score, a.satisfied, Times.out(a.answeredAt).toString(),
                a.complaintId)));
        return a;
    }

    /** The complaint's request (null when it has none), locked; 409 when its survey is already answered. */
    private SurveyRequestEntity unansweredRequest(String complaintId) {
        SurveyRequestEntity request = requests.lockForComplaint(complaintId);
        if ((request != null && SurveyRequestStatus.ANSWERED.name().equals(request.status))
                || answers.existsForComplaint(complaintId)) {
            throw ApiException.conflict("the survey of complaint " + complaintId + " is already answered");
        }
        return request;
    }

    private SurveyAnswerEntity newAnswer(Customer customer, SurveyTemplateEntity template,
            List<ScoredQuestion> scores, String comment, String complaintId, SurveyChannel channel,
            Instant answeredAt, String actor) {
        BigDecimal score = scoring.score(scores.stream().map(ScoredQuestion::score).toList());
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
        a.recordedAt = clock.instant();
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
