package com.example.mkt.customer.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.FieldError;

/** Writes survey templates: a template is company-wide, optionally written for one segment. */
@ApplicationScoped
public class SurveyTemplates {

    /** A template as a caller writes it; {@code active} null means active. */
    public record Draft(String name, String segmentId, List<DraftQuestion> questions, Boolean active) {
    }

    /** {@code id} null or blank: numbered by position ({@code q1}, {@code q2}, ...). */
    public record DraftQuestion(String id, String text) {
    }

    private final SurveyService service;
    private final SurveyTemplateStore store;

    public SurveyTemplates(SurveyService service, SurveyTemplateStore store) {
        this.service = service;
        this.store = store;
    }

    @Transactional
    public SurveyTemplateEntity create(Draft draft, String actor) {
        Instant now = service.now();
        SurveyTemplateEntity t = new SurveyTemplateEntity();
        t.id = UUID.randomUUID().toString();
        t.createdBy = actor;
        t.createdAt = now;
        apply(t, draft, now);
        store.insert(t);
        return t;
    }

    /** 404 when unknown; 412 unless {@code ifMatch} names the current version. */
    @Transactional
    public SurveyTemplateEntity update(String id, String ifMatch, Draft draft) {
        SurveyTemplateEntity t = store.require(id);
        ETags.requireMatch(ifMatch, t.version);
        apply(t, draft, service.now());
        store.flush();
        return t;
    }

    private void apply(SurveyTemplateEntity t, Draft draft, Instant now) {
        if (draft.segmentId() != null && !store.segmentExists(draft.segmentId())) {
            throw ApiException.unprocessable("segmentId", "unknown segment " + draft.segmentId());
        }
        List<Question> questions = numbered(draft.questions());
        t.name = draft.name().strip();
        t.segmentId = draft.segmentId();
        t.questions = service.write(questions);
        t.active = draft.active() == null || draft.active();
        t.updatedAt = now;
    }

    /** Answers refer to questions by id, so two questions of one template may not share one (400 per duplicate). */
    static List<Question> numbered(List<DraftQuestion> drafts) {
        List<Question> questions = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            DraftQuestion q = drafts.get(i);
            String qid = q.id() == null || q.id().isBlank() ? "q" + (i + 1) : q.id().strip();
            if (!ids.add(qid)) {
                errors.add(new FieldError("questions[" + i + "].id", "duplicate question id " + qid));
                continue;
            }
            questions.add(new Question(qid, q.text().strip()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return questions;
    }
}
