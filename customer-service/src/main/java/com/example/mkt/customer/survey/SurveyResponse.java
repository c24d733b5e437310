package com.example.mkt.customer.survey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A customer's completed survey; {@link #of} checks the answers against the template. */
public record SurveyResponse(String id, String templateId, String customerId, Instant answeredAt,
                             List<Answer> answers, Optional<String> comment) {

    public SurveyResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(comment, "comment");
        answers = List.copyOf(answers);
    }

    public static SurveyResponse of(String id, SurveyTemplate template, String customerId, Instant answeredAt,
                                    List<Answer> answers, Optional<String> comment) {
        template.check(answers);
        return new SurveyResponse(id, template.id(), customerId, answeredAt, answers, comment);
    }
}
