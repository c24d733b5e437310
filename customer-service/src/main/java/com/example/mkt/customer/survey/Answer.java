package com.example.mkt.customer.survey;

import java.util.Objects;
import java.util.Optional;

/** One scored answer (1 worst .. 5 best) with an optional comment kept exactly as written. */
public record Answer(String questionId, int score, Optional<String> comment) {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(comment, "comment");
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new IllegalArgumentException("score must be 1-5, got " + score);
        }
    }

    public static Answer of(String questionId, int score) {
        return new Answer(questionId, score, Optional.empty());
    }
}
