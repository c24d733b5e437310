package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Combines the reviewers' totals into the month's final score.
 *
 * <p>Several peers count as one reviewer with their mean. A reviewer who did not review is left out and the remaining
 * weights are scaled up to 100% (self 15 + manager 60 → 20% / 80%), so a missing review neither counts as zero nor
 * silently changes the scale of the result. Rounded to 2 decimals once, at the end.
 */
public final class ReviewBlend {

    private final ReviewerWeights weights;

    public ReviewBlend(ReviewerWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /** Empty when nobody reviewed, or when the manager did not and the policy requires the manager. */
    public Optional<BigDecimal> finalScore(Reviews reviews) {
        if (reviews.manager().isEmpty() && weights.managerRequired()) {
            return Optional.empty();
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weightSum = BigDecimal.ZERO;
        if (reviews.self().isPresent()) {
            weighted = weighted.add(weights.self().multiply(reviews.self().get()));
            weightSum = weightSum.add(weights.self());
        }
        if (reviews.manager().isPresent()) {
            weighted = weighted.add(weights.manager().multiply(reviews.manager().get()));
            weightSum = weightSum.add(weights.manager());
        }
        if (!reviews.peers().isEmpty()) {
            BigDecimal peerSum = reviews.peers().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal peerMean = peerSum.divide(BigDecimal.valueOf(reviews.peers().size()), MathContext.DECIMAL128);
            weighted = weighted.add(weights.peers().multiply(peerMean));
            weightSum = weightSum.add(weights.peers());
        }
        if (weightSum.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(weighted.divide(weightSum, 2, RoundingMode.HALF_UP));
    }
}
