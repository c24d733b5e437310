package com.example.mkt.kpi.scorecard;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Weights of the three reviewers of a scorecard: the person themself 15%, their manager 60%,
 * the peer group (colleagues of departments they work with) 25%.
 *
 * @param managerRequired whether a month can be finalised without the manager's review. The manager carries most of
 *                        the weight and is accountable for the result, so by default it cannot.
 */
public record ReviewerWeights(BigDecimal self, BigDecimal manager, BigDecimal peers, boolean managerRequired) {

    public ReviewerWeights {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(peers, "peers");
        if (self.signum() < 0 || manager.signum() < 0 || peers.signum() < 0
                || self.add(manager).add(peers).compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("reviewer weights must be non-negative and add up to 1");
        }
    }

    public static ReviewerWeights defaults() {
        return new ReviewerWeights(new BigDecimal("0.15"), new BigDecimal("0.60"), new BigDecimal("0.25"), true);
    }
}
