package com.example.mkt.customer.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one survey answer is scored and checked (docs/domain.md#satisfaction-surveys): every question of
 * the template answered once with 1-5; the answer's score is the mean of its question scores (2 decimals,
 * half-up); the answer is satisfied when that score is at least {@code satisfiedFrom} (default 4.0, the
 * top two boxes of a 5-point scale). The satisfaction rate is then satisfied answers / answers.
 */
public record SurveyScoring(BigDecimal satisfiedFrom) {

    /** Scores run from 1 (worst) to 5 (best). */
    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    /** A bad answer, with the request field it is about ({@code scores[2].score}, {@code scores}). */
    public record Violation(String field, String message) {
    }

    public SurveyScoring {
        Objects.requireNonNull(satisfiedFrom, "satisfiedFrom");
        if (satisfiedFrom.compareTo(BigDecimal.valueOf(MIN_SCORE)) < 0
                || satisfiedFrom.compareTo(BigDecimal.valueOf(MAX_SCORE)) > 0) {
            throw new IllegalArgumentException("satisfiedFrom must be between 1 and 5, got " + satisfiedFrom);
        }
    }

    public static SurveyScoring defaults() {
        return new SurveyScoring(new BigDecimal("4.0"));
    }

    /** The mean of the scores, 2 decimals, half-up. */
    public BigDecimal score(List<Integer> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("an answer needs at least one score");
        }
        long sum = 0;
        for (int s : scores) {
            if (s < MIN_SCORE || s > MAX_SCORE) {
                throw new IllegalArgumentException("score must be 1-5, got " + s);
            }
            sum += s;
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    }

    public boolean satisfied(BigDecimal score) {
        return score.compareTo(satisfiedFrom) >= 0;
    }

    /**
     * Checks answers given as (questionId, score) in request order against the template's questions:
     * each score a whole number 1-5 (4.5 is refused, not truncated), each question known and answered
     * once, no question left out. Null entries are reported as missing values.
     */
    public List<Violation> check(List<Question> questions, List<String> questionIds, List<BigDecimal> scores) {
        List<Violation> out = new ArrayList<>();
        Set<String> known = questions.stream().map(Question::id).collect(Collectors.toSet());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < questionIds.size(); i++) {
            String q = questionIds.get(i);
            BigDecimal s = i < scores.size() ? scores.get(i) : null;
            if (q == null || q.isBlank()) {
                out.add(new Violation("scores[" + i + "].questionId", "must not be blank"));
            } else if (!known.contains(q)) {
                out.add(new Violation("scores[" + i + "].questionId", "question " + q + " is not in the template"));
            } else if (seen.putIfAbsent(q, i) != null) {
                out.add(new Violation("scores[" + i + "].questionId", "question " + q + " is answered twice"));
            }
            if (s == null) {
                out.add(new Violation("scores[" + i + "].score", "must not be null"));
            } else if (s.compareTo(BigDecimal.valueOf(MIN_SCORE)) < 0
                    || s.compareTo(BigDecimal.valueOf(MAX_SCORE)) > 0 || s.stripTrailingZeros().scale() > 0) {
                out.add(new Violation("scores[" + i + "].score", "must be a whole number from 1 to 5"));
            }
        }
        List<String> missing = questions.stream().map(Question::id).filter(id -> !seen.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            out.add(new Violation("scores", "every question must be answered; missing " + String.join(", ", missing)));
        }
        return out;
    }
}
