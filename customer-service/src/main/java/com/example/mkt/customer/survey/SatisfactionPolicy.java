package com.example.mkt.customer.survey;

/**
 * What counts as a satisfied answer (DOMAIN.md §1: "satisfaction rate = satisfied answers / answers").
 * Default: a score of 4 or 5, the usual top-two-box reading of a 5-point scale.
 */
public record SatisfactionPolicy(int satisfiedFromScore) {

    public SatisfactionPolicy {
        if (satisfiedFromScore < Answer.MIN_SCORE || satisfiedFromScore > Answer.MAX_SCORE) {
            throw new IllegalArgumentException("satisfiedFromScore must be 1-5");
        }
    }

    public static SatisfactionPolicy defaults() {
        return new SatisfactionPolicy(4);
    }
}
