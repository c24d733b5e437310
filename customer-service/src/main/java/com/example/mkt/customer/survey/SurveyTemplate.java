package com.example.mkt.customer.survey;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A questionnaire for one customer segment (DOMAIN.md §1 "Satisfaction surveys", {@code 000:199}:
 * surveys are redesigned per audience). A null {@code segment} is a template for every customer.
 */
public record SurveyTemplate(String id, String segment, String title, List<Question> questions) {

    public SurveyTemplate {
        Objects.requireNonNull(id, "id");
        questions = List.copyOf(questions);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a template needs at least one question");
        }
        Set<String> ids = new HashSet<>();
        for (Question q : questions) {
            if (!ids.add(q.id())) {
                throw new IllegalArgumentException("duplicate question id " + q.id());
            }
        }
    }

    /**
     * Checks answers against this template: every answer names one of its questions, at most once.
     * Skipped questions are allowed; they simply do not count.
     */
    public void check(List<Answer> answers) {
        Set<String> known = questions.stream().map(Question::id).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (Answer a : answers) {
            if (!known.contains(a.questionId())) {
                throw new IllegalArgumentException("question " + a.questionId() + " is not in template " + id);
            }
            if (!seen.add(a.questionId())) {
                throw new IllegalArgumentException("question " + a.questionId() + " answered twice");
            }
        }
    }
}
