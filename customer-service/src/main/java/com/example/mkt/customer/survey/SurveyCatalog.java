package com.example.mkt.customer.survey;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Which template a customer gets: the first template, in catalog order, whose segment the customer
 * belongs to; the fallback when none matches. Order is the tie-break for customers in several segments.
 */
public final class SurveyCatalog {

    private final List<SurveyTemplate> templates;
    private final SurveyTemplate fallback;

    public SurveyCatalog(List<SurveyTemplate> templatesInPriorityOrder, SurveyTemplate fallback) {
        this.templates = List.copyOf(templatesInPriorityOrder);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    public SurveyTemplate templateFor(Collection<String> customerSegments) {
        return templates.stream()
                .filter(t -> t.segment() != null && customerSegments.contains(t.segment()))
                .findFirst()
                .orElse(fallback);
    }
}
