package com.example.mkt.campaign.lifecycle;

import java.util.Objects;

/** The operating evaluation report that ends a pilot ("运营评估报告"). */
public record PilotReport(PilotOutcome outcome, String author, String summary) {

    public PilotReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(author, "author");
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("a pilot report needs a summary");
        }
    }
}
