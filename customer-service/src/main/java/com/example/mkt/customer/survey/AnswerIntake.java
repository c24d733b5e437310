package com.example.mkt.customer.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.customer.complaint.ComplaintEntity;
import com.example.mkt.customer.customer.Customer;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.FieldError;

/**
 * An answer as a caller submits it: checked against what the caller may see and against the template, then
 * recorded by {@link SurveyService#answer}. A separate bean so that the checks read before the recording
 * transaction begins: the complaint's request row it locks stays locked for the write only.
 */
@ApplicationScoped
public class AnswerIntake {

    public record Submitted(String templateId, String customerId, List<GivenScore> scores, String comment,
            String complaintId, SurveyChannel channel, OffsetDateTime answeredAt) {
    }

    /** The score arrives as a number so that 4.5 can be refused rather than truncated. */
    public record GivenScore(String questionId, BigDecimal score, String comment) {
    }

    private final SurveyService service;
    private final SurveyTemplateStore templates;
    private final SurveyAnswerStore answers;
    private final CustomerAccess access;

    public AnswerIntake(SurveyService service, SurveyTemplateStore templates, SurveyAnswerStore answers,
            CustomerAccess access) {
        this.service = service;
        this.templates = templates;
        this.answers = answers;
        this.access = access;
    }

    /** The recorded answer; 422 for what the caller cannot refer to, 400 for bad scores or times, 409 twice. */
    public SurveyAnswerEntity submit(Submitted in) {
        Customer customer = visibleCustomer(in.customerId());
        SurveyTemplateEntity template = activeTemplate(in.templateId());
        List<Question> questions = service.questions(template);
        checkScores(questions, in.scores());
        if (in.complaintId() != null) {
            checkComplaint(in.complaintId(), customer);
        }
        Instant answeredAt = answeredAt(in.answeredAt());
        return service.answer(customer, template, scored(questions, in.scores()), in.comment(), in.complaintId(),
                in.channel(), answeredAt, access.user().staffId());
    }

    private Customer visibleCustomer(String customerId) {
        Customer customer = answers.customer(customerId);
        if (customer == null || !access.canSee(customer)) {
            throw ApiException.unprocessable("customerId", "unknown customer " + customerId);
        }
        return customer;
    }

    private SurveyTemplateEntity activeTemplate(String templateId) {
        SurveyTemplateEntity template = templates.find(templateId);
        if (template == null) {
            throw ApiException.unprocessable("templateId", "unknown survey template " + templateId);
        }
        if (!template.active) {
            throw ApiException.unprocessable("templateId", "survey template " + templateId + " is not active");
        }
        return template;
    }

    private void checkScores(List<Question> questions, List<GivenScore> scores) {
        List<SurveyScoring.Violation> violations = service.scoring().check(questions,
                scores.stream().map(GivenScore::questionId).toList(), scores.stream().map(GivenScore::score).toList());
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.stream().map(v -> new FieldError(v.field(), v.message())).toList());
        }
    }

    private void checkComplaint(String complaintId, Customer customer) {
        ComplaintEntity complaint = answers.complaint(complaintId);
        if (complaint == null || !access.scope().canSee(complaint.orgUnit)
                || !complaint.customerId.equals(customer.id)) {
            throw ApiException.unprocessable("complaintId",
                    "unknown complaint " + complaintId + " of customer " + customer.id);
        }
    }

    private Instant answeredAt(OffsetDateTime given) {
        Instant now = service.now();
        Instant answeredAt = given == null ? now : given.toInstant();
        if (answeredAt.isAfter(now)) {
            throw ApiException.invalid("answeredAt", "must not be in the future");
        }
        return answeredAt;
    }

    /** The template's questions in its order, each with the caller's score; the check ensured each is there. */
    private static List<SurveyService.ScoredQuestion> scored(List<Question> questions, List<GivenScore> scores) {
        List<SurveyService.ScoredQuestion> scored = new ArrayList<>();
        for (Question q : questions) {
            GivenScore s = scores.stream().filter(x -> q.id().equals(x.questionId())).findFirst().orElseThrow();
            scored.add(new SurveyService.ScoredQuestion(q.id(), q.text(), s.score().intValueExact(),
                    s.comment() == null || s.comment().isBlank() ? null : s.comment()));
        }
        return scored;
    }
}
