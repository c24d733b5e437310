package com.example.mkt.customer.survey;

import java.util.Objects;

/** A survey question, answered with a score 1-5 and an optional comment. */
public record Question(String id, String text) {

    public Question {
        Objects.requireNonNull(id, "id");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a question needs its text");
        }
    }
}
